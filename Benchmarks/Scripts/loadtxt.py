#!/usr/bin/env python3
"""Reads a sequences CSV with numpy.loadtxt, for comparison with lstmviz loading the same file.

Usage: loadtxt.py SEQUENCES.csv
"""

import sys

import numpy as np

values = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, ndmin=2)
print(values.shape)
