"""Stamp the pages that went live from a saved draft without an index number or date."""

from django.db import migrations


def repair(apps, schema_editor):
    from disclosure.services import repair_index_numbers

    repaired = repair_index_numbers(apps)
    if repaired:
        # Shown in the output of migrate, so the operator knows what changed.
        print(f"\n  已为 {len(repaired)} 个缺少索引号或发布日期的已发布页面补发。")


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0003_offence_fine_help"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
