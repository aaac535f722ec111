"""Disclosure models, one module per page type; imported here for Django and Wagtail."""

from .base import (
    DisclosureAttachment,
    DisclosurePage,
    IndexNumberSequence,
    Topic,
    Validity,
    disclosure_page_types,
)
from .catalogue import DisclosureIndexPage
from .documents import DocumentKind, PolicyDocumentPage
from .fees import FeeItem, FeeSchedulePage, StandardKind
from .penalties import PenaltyDiscretionPage
from .procedures import ApplicationMaterial, ProcedureStep, ServiceItemType, ServiceProcedurePage

__all__ = [
    "ApplicationMaterial",
    "DisclosureAttachment",
    "DisclosureIndexPage",
    "DisclosurePage",
    "DocumentKind",
    "FeeItem",
    "FeeSchedulePage",
    "IndexNumberSequence",
    "PenaltyDiscretionPage",
    "PolicyDocumentPage",
    "ProcedureStep",
    "ServiceItemType",
    "ServiceProcedurePage",
    "StandardKind",
    "Topic",
    "Validity",
    "disclosure_page_types",
]
