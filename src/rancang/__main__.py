import sys

from rancang.cli import main

sys.exit(main())
