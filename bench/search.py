"""Benchmark of the Chinese search backend beside the stock modelsearch backend, same data and run.

    .venv/bin/python bench/search.py            # 10 000 and 100 000 pages, SQLite and PostgreSQL
    .venv/bin/python bench/search.py --sizes 10000 --databases sqlite

For each database and size it builds a fresh database (SQLite: a file under the system temp dir;
PostgreSQL: the database named by BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/portal_bench_search, dropped and recreated), migrates it,
generates pages of varied county text (rows inserted in bulk: tree paths are computed here, not
through the page API), then for each backend:

- indexes every page with the backend's own indexing code (index time, index size),
- runs rare, medium and very common queries, top 20 by relevance, each query three times
  (p50/p95 latency, and the mean number of pages found, which shows what the stock backend misses).

The stock run indexes the pages with Wagtail's plain search fields (what a site without
portal.search would store) and queries with the stock modelsearch database backend.
Each database/size runs in its own process (Django settings are per process).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/portal_bench_search"
SEED = 20261126
RUNS_PER_QUERY = 3
QUERIES_PER_CLASS = 12
BATCH = 1000
# modelsearch's own query over our index: queries per class, and the seconds each may take.
ENGINE_QUERIES = 4
ENGINE_CAP = 5

# -- Vocabulary of a county's pages -------------------------------------------------------------

TOWNS = [
    "城关镇",
    "东溪镇",
    "西山乡",
    "南湖街道",
    "北岭镇",
    "清水乡",
    "石门镇",
    "桃源乡",
    "柳河镇",
    "青龙乡",
    "白沙镇",
    "凤凰街道",
    "黄田镇",
    "金竹乡",
    "云峰镇",
    "梅林乡",
    "双溪镇",
    "龙潭乡",
]
DEPARTMENTS = [
    "县市场监管局",
    "县自然资源局",
    "县住建局",
    "县人力社保局",
    "县医保局",
    "县民政局",
    "县公安局",
    "县交通局",
    "县卫健局",
    "县综合执法局",
    "县政务服务办",
    "县发改局",
    "县教育局",
    "县财政局",
    "县农业农村局",
    "县水利局",
    "县文广旅体局",
    "县应急管理局",
]
ITEMS = [
    "个体工商户登记",
    "食品经营许可",
    "不动产登记",
    "社会保障卡申领",
    "城乡居民医保参保",
    "公共租赁住房申请",
    "最低生活保障审批",
    "建设工程规划许可",
    "建筑工程施工许可",
    "居民身份证办理",
    "机动车驾驶证换证",
    "住房公积金提取",
    "特困人员救助供养",
    "残疾人证办理",
    "出生医学证明",
    "失业保险金申领",
    "养犬登记",
    "道路运输经营许可",
    "网约车驾驶员证",
    "城乡居民养老保险",
    "医疗救助",
    "户口迁移",
    "企业投资项目备案",
    "燃气经营许可",
    "药品经营许可",
    "医疗机构执业登记",
    "排水许可",
    "占用挖掘道路许可",
    "户外广告设置",
    "林木采伐许可",
    "取水许可",
    "农村宅基地审批",
    "动物防疫条件合格证",
    "种子生产经营许可",
    "烟草专卖零售许可",
    "旅行社设立许可",
    "娱乐场所经营许可",
    "校外培训机构审批",
    "民办学校设立",
    "职业技能等级认定",
    "就业创业证申领",
    "工伤认定",
    "劳动仲裁申请",
    "退役军人优待证",
    "高龄津贴申领",
    "临时救助申请",
    "婚姻登记",
    "收养登记",
    "殡葬补贴申领",
    "危房改造补助",
    "耕地地力保护补贴",
    "农机购置补贴",
    "新生儿落户",
    "营业执照变更",
    "商标质押登记",
    "特种设备使用登记",
    "计量器具检定",
    "消防安全检查",
    "施工图审查",
    "竣工验收备案",
    "商品房预售许可",
    "物业服务企业备案",
    "公积金贷款",
    "人才公寓申请",
    "创业担保贷款",
    "稳岗返还",
    "技能培训补贴",
    "社保关系转移",
    "医保关系转移",
    "门诊慢特病认定",
    "异地就医备案",
    "生育津贴申领",
    "居住证办理",
    "无犯罪记录证明",
    "出入境证件办理",
    "非机动车登记",
    "校车使用许可",
    "危险货物运输许可",
]
DOC_KINDS = [
    "通知",
    "实施方案",
    "管理办法",
    "工作要点",
    "实施细则",
    "公告",
    "通报",
    "意见",
    "工作方案",
    "指导意见",
    "年度报告",
    "情况说明",
    "公示",
]
TOPICS = [
    "安全生产",
    "乡村振兴",
    "营商环境",
    "生态环境保护",
    "防汛抗旱",
    "森林防火",
    "食品安全",
    "教育引导",
    "垃圾分类",
    "老旧小区改造",
    "数字政府建设",
    "政务公开",
    "优化服务",
    "稳就业保民生",
    "医疗卫生服务",
    "文明城市创建",
    "扫黑除恶",
    "耕地保护",
    "交通安全",
    "社会救助",
    "养老服务",
    "托育服务",
    "市场监管",
    "信用体系建设",
    "招商引资",
]
VERBS = [
    "加强",
    "规范",
    "推进",
    "做好",
    "开展",
    "优化",
    "落实",
    "深化",
    "提升",
    "完善",
    "强化",
    "健全",
]
OBJECTS = [
    "审批流程",
    "服务窗口",
    "监督检查",
    "责任制度",
    "信息公开",
    "考核评价",
    "应急预案",
    "宣传培训",
    "资金管理",
    "台账资料",
    "部门协同",
    "网上办理",
    "档案管理",
    "隐患排查",
    "群众满意度",
    "办理时限",
    "材料清单",
    "办事指南",
    "投诉处理",
    "数据共享",
]
PEOPLE = [
    "申请人",
    "经营者",
    "参保人员",
    "困难群众",
    "建设单位",
    "企业",
    "居民",
    "驾驶人",
    "退役军人",
    "残疾人",
    "老年人",
    "新就业人员",
    "农村集体经济组织",
    "个体工商户",
]
MATERIALS = [
    "居民身份证",
    "户口簿",
    "营业执照",
    "不动产权证书",
    "申请表",
    "委托书",
    "结婚证",
    "社会保障卡",
    "合同文本",
    "场所证明",
    "设计方案",
    "体检证明",
    "照片",
    "银行账户",
]
RARE = [
    "麒麟湾",
    "鹭鸶洲",
    "翡翠谷",
    "琥珀巷",
    "珊瑚礁",
    "青铜鼎",
    "玳瑁屿",
    "翠微亭",
    "漱玉泉",
    "鹧鸪岭",
    "蓑衣渡",
    "琉璃坊",
    "骆驼峰",
    "獬豸碑",
    "鸳鸯溪",
    "饕餮纹",
    "龟兹乐",
    "觱篥声",
]

TITLE_TEMPLATES = [
    "{item}办事指南",
    "{town}{item}办理须知",
    "关于{verb}{topic}工作的{doc}",
    "{dept}关于{verb}{object}的{doc}",
    "示例县{year}年{topic}{doc}",
    "{dept}{year}年{topic}工作总结",
    "关于{town}{topic}情况的{doc}",
    "{item}常见问题解答",
    "{dept}{item}服务标准",
    "示例县{topic}{object}{doc}（{year}年修订）",
    "关于公布{item}等事项清单的{doc}",
    "{town}{year}年{object}{doc}",
]
SENTENCES = [
    "{people}办理{item}，应当提交{material}和{material}。",
    "{dept}负责{item}的受理、审查和决定，{town}便民服务中心可以代办。",
    "为{verb}{topic}，各乡镇要{verb}{object}，确保各项措施落到实处。",
    "本事项法定办结时限{n}个工作日，承诺{m}个工作日内办结，不收取费用。",
    "{people}可以通过网上办事大厅或者{town}政务服务窗口提交申请。",
    "对不符合条件的，{dept}应当一次性告知{people}需要补正的全部内容。",
    "{year}年全县共办理{item}{n}件，按时办结率百分之{p}。",
    "各部门要把{topic}纳入年度考核，{verb}{object}，定期报送进展情况。",
    "咨询电话：0571-860{n}，监督电话：12345。",
    "{town}{verb}{topic}，{people}满意度明显提升。",
    "申请材料包括：{material}、{material}、{material}，复印件一份。",
    "{dept}将会同有关部门开展{object}，发现问题及时整改。",
    "依据《中华人民共和国{law}》第{n}条规定，{people}应当如实提供材料。",
    "{item}实行“一件事”集成办理，{people}只需跑一次。",
    "请{people}于{year}年{month}月{day}日前到{town}{dept}窗口办理。",
]
LAWS = [
    "行政许可法",
    "社会保险法",
    "食品安全法",
    "土地管理法",
    "城乡规划法",
    "建筑法",
    "道路交通安全法",
    "社会救助暂行办法",
    "政府信息公开条例",
    "优化营商环境条例",
]

QUERY_CLASSES = {
    # rare: words a few pages in ten thousand contain
    "rare": RARE[:QUERIES_PER_CLASS],
    # medium: one service item (about 1-3 % of pages)
    "medium": [
        "不动产登记",
        "养犬登记",
        "婚姻登记",
        "取水许可",
        "公积金贷款",
        "居住证",
        "临时救助",
        "工伤认定",
        "商品房预售",
        "农机购置补贴",
        "异地就医",
        "无犯罪记录",
    ],
    # common: words most pages contain
    "common": [
        "示例县",
        "办理",
        "申请",
        "工作",
        "通知",
        "部门",
        "材料",
        "服务",
        "政务",
        "乡镇",
        "窗口",
        "年",
    ],
}


def fill(template, rng):
    return template.format(
        item=rng.choice(ITEMS),
        town=rng.choice(TOWNS),
        dept=rng.choice(DEPARTMENTS),
        topic=rng.choice(TOPICS),
        verb=rng.choice(VERBS),
        object=rng.choice(OBJECTS),
        doc=rng.choice(DOC_KINDS),
        people=rng.choice(PEOPLE),
        material=rng.choice(MATERIALS),
        law=rng.choice(LAWS),
        year=rng.randint(2019, 2026),
        month=rng.randint(1, 12),
        day=rng.randint(1, 28),
        n=rng.randint(3, 999),
        m=rng.randint(1, 5),
        p=rng.randint(90, 100),
    )


def generate(count, rng):
    """(title, body) of `count` pages; bodies of 150 to 1 500 characters."""
    for _ in range(count):
        title = fill(rng.choice(TITLE_TEMPLATES), rng)
        sentences, length, target = [], 0, rng.randint(150, 1500)
        while length < target:
            sentence = fill(rng.choice(SENTENCES), rng)
            if rng.random() < 0.0006:
                sentence = rng.choice(RARE) + sentence
            sentences.append(sentence)
            length += len(sentence)
        yield title, "".join(sentences)


# -- One database, one size (run in a child process) ----------------------------------------------


def reset_database(database, url):
    if database == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def worker(database, size, url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path.insert(0, str(ROOT))
    reset_database(database, url)

    import django

    django.setup()
    import logging

    logging.disable(logging.CRITICAL)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from wagtail.models import Page

    from portal.factories import HomePageFactory
    from portal.models import HomePage

    home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench")
    start = time.perf_counter()
    insert_pages(home, size)
    result = {"database": database, "size": size, "insert_seconds": time.perf_counter() - start}

    result["ours"] = run_backend("ours", HomePage)
    result["stock_query"] = stock_query_on_bigrams()
    result["stock"] = run_backend("stock", HomePage)
    print(json.dumps(result))


def insert_pages(home, size):
    """Insert `size` HomePage rows under `home` in bulk (tree paths computed here)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from portal.models import HomePage

    rng = random.Random(SEED + size)
    content_type = ContentType.objects.get_for_model(HomePage)
    locale = Locale.get_default()
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    now = timezone.now()
    texts = generate(size, rng)
    with transaction.atomic():
        for start in range(0, size, BATCH):
            pages, summaries = [], []
            for number in range(start, min(size, start + BATCH)):
                title, body = next(texts)
                step, value = "", number + 1
                for _ in range(4):
                    value, digit = divmod(value, 36)
                    step = alphabet[digit] + step
                slug = f"p{number + 1}"
                published = now - timezone.timedelta(days=rng.randint(0, 2500))
                pages.append(
                    Page(
                        path=home.path + step,
                        depth=home.depth + 1,
                        numchild=0,
                        title=title[:255],
                        draft_title=title[:255],
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        locale=locale,
                        url_path=f"{home.url_path}{slug}/",
                        translation_key=uuid.uuid4(),
                        first_published_at=published,
                        last_published_at=published,
                    )
                )
                summaries.append(body)
            created = Page.objects.bulk_create(pages)
            if any(page.pk is None for page in created):  # SQLite before RETURNING support
                paths = [page.path for page in pages]
                ids = dict(Page.objects.filter(path__in=paths).values_list("path", "id"))
                for page in created:
                    page.pk = ids[page.path]
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO portal_homepage (page_ptr_id, summary, intro, entry_points, "
                    "latest_per_section) VALUES (%s, %s, '', '[]', 5)",
                    [(page.pk, summary) for page, summary in zip(created, summaries, strict=True)],
                )
        Page.objects.filter(pk=home.pk).update(numchild=size)


def index_size():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('wagtailsearch_indexentry')")
            return cursor.fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%' "
            "OR name LIKE 'sqlite_autoindex_wagtailsearch_indexentry%'"
        )
        return cursor.fetchone()[0]


def run_backend(which, model):
    from django.db import connection, transaction
    from wagtail.models import Page
    from wagtail.search import index as search_index

    from portal.models import SearchWord

    if which == "ours":
        from portal.search.backend import SearchBackend
    else:
        from modelsearch.backends.database import SearchBackend
    backend = SearchBackend({})
    backend.reset_indexes()
    SearchWord.objects.all().delete()
    original_fields = model.search_fields
    if which == "stock":
        # What the pages would store without portal.search: Wagtail's plain fields.
        model.search_fields = [
            *(f for f in original_fields if isinstance(f, search_index.FilterField)),
            search_index.SearchField("title", boost=2),
            search_index.AutocompleteField("title"),
            search_index.SearchField("summary"),
        ]
    try:
        index = backend.get_index_for_model(model)
        start = time.perf_counter()
        pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for offset in range(0, len(pks), BATCH):
            with transaction.atomic():
                index.add_items(
                    model, list(model.objects.filter(pk__in=pks[offset : offset + BATCH]))
                )
        if hasattr(index, "_refresh_title_norms"):
            index._refresh_title_norms(full=True)
        index_seconds = time.perf_counter() - start
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
        result = {"index_seconds": index_seconds, "index_bytes": index_size(), "queries": {}}
        pages = Page.objects.live().public()
        for name, queries in QUERY_CLASSES.items():
            timings, found = [], []
            for query in queries:
                for run in range(RUNS_PER_QUERY):
                    start = time.perf_counter()
                    results = list(backend.search(query, pages)[:20])
                    timings.append(time.perf_counter() - start)
                    if run == 0:
                        found.append(backend.search(query, pages).count())
            timings.sort()
            result["queries"][name] = {
                "p50_ms": statistics.median(timings) * 1000,
                "p95_ms": timings[max(0, int(len(timings) * 0.95) - 1)] * 1000,
                "mean_found": statistics.mean(found),
                "top20": len(results),
            }
        return result
    finally:
        model.search_fields = original_fields


def stock_query_on_bigrams():
    """modelsearch's own query over our bigram index (the query pre-tokenised), to compare the
    query engines alone: a few queries per class, once each, stopped after ENGINE_CAP seconds."""
    from django.db import OperationalError, connection, transaction
    from modelsearch.backends.database import SearchBackend
    from wagtail.models import Page

    from portal.search.tokenizer import tokenize

    backend = SearchBackend({})
    pages = Page.objects.live().public()
    result = {"queries": {}}
    for name, queries in QUERY_CLASSES.items():
        timings, capped = [], 0
        for query in queries[:ENGINE_QUERIES]:
            text = " ".join(tokenize(query))
            deadline = time.perf_counter() + ENGINE_CAP
            start = time.perf_counter()
            try:
                with transaction.atomic():
                    if connection.vendor == "postgresql":
                        with connection.cursor() as cursor:
                            cursor.execute(f"SET LOCAL statement_timeout = {ENGINE_CAP * 1000}")
                    else:
                        connection.ensure_connection()
                        connection.connection.set_progress_handler(
                            lambda deadline=deadline: int(time.perf_counter() > deadline),
                            10_000,
                        )
                    list(backend.search(text, pages, operator="and")[:20])
                timings.append(time.perf_counter() - start)
            except OperationalError:  # the cap was reached (PostgreSQL: QueryCanceled)
                timings.append(ENGINE_CAP)
                capped += 1
            finally:
                if connection.vendor == "sqlite":
                    connection.connection.set_progress_handler(None, 0)
        timings.sort()
        result["queries"][name] = {
            "p50_ms": statistics.median(timings) * 1000,
            "p95_ms": timings[-1] * 1000,
            "capped": capped,
            "runs": len(timings),
        }
    return result


# -- The report -----------------------------------------------------------------------------------


def report(results):
    print()
    print(
        "| Database | Pages | Backend | Index time | Index size | Query | p50 | p95 "
        "| Pages found (mean) |"
    )
    print("| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |")
    for result in results:
        for which, label in (("ours", "portal.search"), ("stock", "stock modelsearch")):
            data = result[which]
            for index, (name, figures) in enumerate(data["queries"].items()):
                head = (
                    f"| {result['database']} | {result['size']:,} | {label} | "
                    f"{data['index_seconds']:.1f} s | {data['index_bytes'] / 2**20:.1f} MB |"
                    if index == 0
                    else "| | | | | |"
                )
                print(
                    f"{head} {name} | {figures['p50_ms']:.1f} ms | {figures['p95_ms']:.1f} ms | "
                    f"{figures['mean_found']:.0f} |"
                )
    print()
    print(
        f"modelsearch's own query over the bigram index ({ENGINE_QUERIES} queries per class, "
        f"once each, stopped at {ENGINE_CAP} s):"
    )
    print()
    print("| Database | Pages | Query | p50 | max | stopped at the cap |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    for result in results:
        for name, figures in result["stock_query"]["queries"].items():
            print(
                f"| {result['database']} | {result['size']:,} | {name} | "
                f"{figures['p50_ms']:.0f} ms | {figures['p95_ms']:.0f} ms | "
                f"{figures['capped']} of {figures['runs']} |"
            )
    print()
    for result in results:
        seconds = result["insert_seconds"]
        print(f"{result['database']} {result['size']:,}: pages inserted in {seconds:.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--worker", nargs=2, metavar=("DATABASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    urls = {
        "sqlite": "sqlite:///" + str(Path(tempfile.gettempdir()) / "portal_bench_search.sqlite3"),
        "postgresql": os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG),
    }
    if args.worker:
        database, size = args.worker
        worker(database, int(size), urls[database])
        return
    results, failed = [], []
    for size in args.sizes:
        for database in args.databases:
            print(f"… {database}, {size:,} pages", file=sys.stderr, flush=True)
            completed = subprocess.run(
                [sys.executable, __file__, "--worker", database, str(size)],
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            if completed.returncode:
                failed.append(f"{database} {size:,}")
                continue
            line = completed.stdout.strip().splitlines()[-1]
            print(line, file=sys.stderr, flush=True)  # the raw figures, as soon as they exist
            results.append(json.loads(line))
    report(results)
    if failed:
        sys.exit("failed: " + ", ".join(failed))


if __name__ == "__main__":
    main()
