"""The ``jetx-diag`` command line: exit codes (a leaf), options and the config file, one module per
command, and the lazy command table in ``main``.

Import rules: imports only anything; nothing imports ``cli``. Commands are imported lazily by
``main`` so that
``--help`` never loads TensorFlow, scikit-learn, scipy or matplotlib.
"""
