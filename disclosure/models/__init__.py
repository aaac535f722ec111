"""Disclosure models, one module per page type; imported here for Django and Wagtail."""

from .base import (
    DisclosureAttachment,
    DisclosurePage,
    IndexNumberSequence,
    Topic,
    Validity,
    disclosure_page_types,
)
from .bulletins import (
    BulletinIndexPage,
    BulletinNotice,
    BulletinRow,
    BulletinSettings,
    MonthlyBulletinPage,
    score_rows,
)
from .catalogue import DisclosureIndexPage
from .documents import DocumentKind, PolicyDocumentPage
from .fees import FeeItem, FeeSchedulePage, StandardKind
from .penalties import PenaltyDiscretionPage
from .procedures import ApplicationMaterial, ProcedureStep, ServiceItemType, ServiceProcedurePage

__all__ = [
    "ApplicationMaterial",
    "BulletinIndexPage",
    "BulletinNotice",
    "BulletinRow",
    "BulletinSettings",
    "DisclosureAttachment",
    "DisclosureIndexPage",
    "DisclosurePage",
    "DocumentKind",
    "FeeItem",
    "FeeSchedulePage",
    "IndexNumberSequence",
    "MonthlyBulletinPage",
    "PenaltyDiscretionPage",
    "PolicyDocumentPage",
    "ProcedureStep",
    "ServiceItemType",
    "ServiceProcedurePage",
    "StandardKind",
    "Topic",
    "Validity",
    "disclosure_page_types",
    "score_rows",
]
