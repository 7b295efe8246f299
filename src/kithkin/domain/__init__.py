"""Pure domain logic: standard library only, no I/O, no clock; time is always an argument."""
