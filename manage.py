#!/usr/bin/env python
from coso.__main__ import main

if __name__ == "__main__":
    main()
