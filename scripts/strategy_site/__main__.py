import sys

from strategy_site.publishing.cli import main

sys.exit(main())
