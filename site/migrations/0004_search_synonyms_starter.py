"""A starter list of search synonyms and abbreviations people in a county type; editors change it
under 设置 → 搜索同义词."""

from django.db import migrations

STARTER_SYNONYMS = [
    ("医保，医疗保险，医疗保障", "群众常用简称"),
    ("城乡居民医保，城乡居民基本医疗保险", "群众常用简称"),
    ("社保，社会保险", "群众常用简称"),
    ("社保卡，社会保障卡", "群众常用简称"),
    ("公租房，公共租赁住房", "群众常用简称"),
    ("廉租房，廉租住房", "群众常用简称"),
    ("低保，最低生活保障", "群众常用简称"),
    ("特困，特困人员救助供养，五保", "群众常用简称"),
    ("营业执照，个体工商户登记，市场主体登记", "办事常用说法"),
    ("房产证，不动产权证书，不动产证", "办事常用说法"),
    ("户口，户籍", "办事常用说法"),
    ("身份证，居民身份证", "办事常用说法"),
    ("驾照，驾驶证，机动车驾驶证", "办事常用说法"),
    ("公积金，住房公积金", "群众常用简称"),
    ("城乡居民养老保险，城乡居民基本养老保险", "群众常用简称"),
    ("失业金，失业保险金", "群众常用简称"),
    ("工伤，工伤保险", "群众常用简称"),
    ("生育险，生育保险", "群众常用简称"),
    ("残疾证，残疾人证", "群众常用简称"),
    ("出生证，出生医学证明", "群众常用简称"),
    ("个税，个人所得税", "群众常用简称"),
    ("信用代码，统一社会信用代码", "群众常用简称"),
    ("网约车，网络预约出租汽车", "群众常用简称"),
    ("电动车，电动自行车", "群众常用简称"),
    ("食品许可证，食品经营许可证，食品经营许可", "办事常用说法"),
    ("规划许可证，建设工程规划许可证，建设工程规划许可", "办事常用说法"),
    ("施工许可证，建筑工程施工许可证，建筑工程施工许可", "办事常用说法"),
    ("12345，政务服务热线，市长热线", "群众常用说法"),
    ("市监局，市场监管局，市场监督管理局", "部门简称"),
    ("人社局，人力社保局，人力资源和社会保障局", "部门简称"),
    ("住建局，住房和城乡建设局", "部门简称"),
    ("发改局，发展和改革局", "部门简称"),
    ("自然资源局，自然资源和规划局", "部门简称"),
    ("医保局，医疗保障局", "部门简称"),
    ("卫健局，卫生健康局", "部门简称"),
    ("交通局，交通运输局", "部门简称"),
    ("城管，综合行政执法局，综合执法局", "部门简称"),
]


def add_starter_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("portal", "SearchSynonym")
    for terms, note in STARTER_SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms, defaults={"note": note})


def remove_starter_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("portal", "SearchSynonym")
    SearchSynonym.objects.filter(terms__in=[terms for terms, _ in STARTER_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_search")]

    operations = [migrations.RunPython(add_starter_synonyms, remove_starter_synonyms)]
