"""bootstrap_site's part for editorial: the staff roles and the 三审 workflow, idempotently."""

from django.apps import apps

from .roles import REVIEW_STAGES, WORKFLOW_NAME, ensure_all


def ensure(stdout):
    """Create whatever of the roles, their permissions and 三审 is missing; report it."""
    ensure_all(apps)
    stages = " → ".join(name for name, *_rest in REVIEW_STAGES)
    stdout.write(
        f"角色与审核流程已就绪：编辑、审核、站点管理员等角色；{WORKFLOW_NAME}（{stages}）。"
    )
