"""Issue a single-use two-factor setup link for a user and print it, for the operator to pass on."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from oversight.services import SETUP_TOKEN_HOURS, two_factor_setup_issue
from oversight.two_factor import setup_link


class Command(BaseCommand):
    help = "为用户签发一次性的双因素认证设置链接（首次设置或重置后使用），并打印链接。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="要签发设置链接的用户名。")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"用户“{username}”不存在。") from error
        link = setup_link(two_factor_setup_issue(user=user))
        self.stdout.write(
            f"用户“{username}”的设置链接（{SETUP_TOKEN_HOURS} 小时内有效，只能使用一次）：\n{link}"
        )
