"""Hidden tests: one module per assignment, imported by the grade cells inside the hidden-test markers."""
