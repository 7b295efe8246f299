"""The planner: the week, suggestions, the action catalogue and the exposure ladder."""
