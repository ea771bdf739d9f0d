"""Checking: every rule the data must meet, each one named check_* function, listed in validate.py."""
