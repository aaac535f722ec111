"""Decisions models: the section page and directory, the notice, and public comments."""

from .comments import (
    CHANGING_OUTCOMES,
    ModerationStatus,
    PublicComment,
    ResponseOutcome,
    Sector,
)
from .decision import (
    ADOPTING_OUTCOMES,
    LIFECYCLE,
    MIN_CONSULTATION_PERIOD,
    DecisionOutcome,
    DecisionStatus,
    DecisionStep,
    EvaluationRecommendation,
    MajorDecisionPage,
    StepKind,
    TrackingStatus,
    TrackingUpdate,
)
from .index import DecisionIndexPage, DirectoryEntry

__all__ = [
    "ADOPTING_OUTCOMES",
    "CHANGING_OUTCOMES",
    "LIFECYCLE",
    "MIN_CONSULTATION_PERIOD",
    "DecisionIndexPage",
    "DecisionOutcome",
    "DecisionStatus",
    "DecisionStep",
    "DirectoryEntry",
    "EvaluationRecommendation",
    "MajorDecisionPage",
    "ModerationStatus",
    "PublicComment",
    "ResponseOutcome",
    "Sector",
    "StepKind",
    "TrackingStatus",
    "TrackingUpdate",
]
