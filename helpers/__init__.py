"""The importable library of the course: data, network machinery, plots and student checks.

It holds no solution of any graded exercise: those exist only in the source notebooks.
"""
