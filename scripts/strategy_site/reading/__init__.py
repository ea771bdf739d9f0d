"""Reading: the data files into values that remember their file, line and column (load), the
problems found in them (problems), and reading values whose shape is not yet known (shape)."""
