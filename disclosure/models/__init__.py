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
from .imports import CatalogueImportRun, ImportKindName, ImportStatus
from .penalties import PenaltyDiscretionPage
from .powers import (
    AccountabilityTrigger,
    PowerAdjustment,
    PowerIndexPage,
    PowerItemPage,
    PowerKind,
    PowerResponsibility,
    PowerStatus,
    ResponsibilityStage,
)
from .procedures import ApplicationMaterial, ProcedureStep, ServiceItemType, ServiceProcedurePage

__all__ = [
    "AccountabilityTrigger",
    "ApplicationMaterial",
    "BulletinIndexPage",
    "BulletinNotice",
    "BulletinRow",
    "BulletinSettings",
    "CatalogueImportRun",
    "DisclosureAttachment",
    "DisclosureIndexPage",
    "DisclosurePage",
    "DocumentKind",
    "FeeItem",
    "FeeSchedulePage",
    "ImportKindName",
    "ImportStatus",
    "IndexNumberSequence",
    "MonthlyBulletinPage",
    "PenaltyDiscretionPage",
    "PolicyDocumentPage",
    "PowerAdjustment",
    "PowerIndexPage",
    "PowerItemPage",
    "PowerKind",
    "PowerResponsibility",
    "PowerStatus",
    "ProcedureStep",
    "ResponsibilityStage",
    "ServiceItemType",
    "ServiceProcedurePage",
    "StandardKind",
    "Topic",
    "Validity",
    "disclosure_page_types",
    "score_rows",
]
