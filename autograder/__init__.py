"""The instructor side of the course: nbgrader configuration, hidden tests and the command line."""
