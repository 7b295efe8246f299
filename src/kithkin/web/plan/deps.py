"""Units of work typed with the planner's stores (the same per-request ones as in deps)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from kithkin.services.planning_ports import PlanningUnitOfWork
from kithkin.web.deps import read_uow, write_uow

PlanReadUow = Annotated[PlanningUnitOfWork, Depends(read_uow)]
PlanWriteUow = Annotated[PlanningUnitOfWork, Depends(write_uow)]
