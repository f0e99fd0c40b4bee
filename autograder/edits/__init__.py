"""Edits of source solutions: wrong ones (mutants) and correct rewrites (variants), one module per assignment."""
