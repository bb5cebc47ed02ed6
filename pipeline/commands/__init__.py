"""Sub-commands of ``newsclaims``: one module each, with ``register(subparsers)`` and ``run(args)``.

``register`` only declares arguments (argparse), so building the parser stays
cheap; ``run`` imports what the command needs and returns the exit code.
"""

#: Command modules in the order ``--help`` lists them.
COMMANDS = ("extract", "merge", "show", "compare", "report", "export", "serve")
