"""Remove a user's two-factor devices (a lost phone), so the next login sets up a new one."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from oversight.services import two_factor_reset


class Command(BaseCommand):
    help = "重置用户的双因素认证（手机丢失或更换时）：删除其验证器，下次登录时重新设置。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="要重置的用户名。")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"用户“{username}”不存在。") from error
        count = two_factor_reset(user=user)
        self.stdout.write(
            f"已删除用户“{username}”的 {count} 个验证器；该用户下次登录后台时需重新设置双因素认证。"
        )
