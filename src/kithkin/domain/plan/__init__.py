"""The planner, as a package whose modules import one way.

``inputs`` (the planner's inputs and constants) is the bottom; ``energy`` and ``history`` (the
pure summaries of past suggestions and interactions) sit beside it; then ``scoring`` (the hot
loop), ``choice`` (actions and times for the people at the top), ``reasons`` and finally
``planner`` (``plan_day``, ``plan_week``, ``suggest_now``). Nothing is imported here: reading a
stored plan back must not load the planner.
"""
