"""The law's rules for each kind of matter, seeded with their citations (Law 10/2022/QH15,
arts. 15, 17, 20–22; Decree 59/2023/NĐ-CP, art. 4). Administrators correct them in the admin.

The values are copied here, not imported, so that this migration keeps meaning what it meant.
"""

from django.db import migrations

LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
COMMON = {
    "adoption_numerator": 1,
    "adoption_denominator": 2,
    "adoption_citation": (
        f"{LAW}, Điều 21, Điều 22: được thông qua khi có trên 50% tổng số hộ gia đình trên địa "
        "bàn cộng đồng dân cư tán thành"
    ),
    "quorum_numerator": 1,
    "quorum_denominator": 2,
    "quorum_citation": (
        "Nghị định 59/2023/NĐ-CP, Điều 4: cuộc họp được tiến hành khi có trên 50% tổng số hộ "
        "gia đình tham dự"
    ),
    "ballot_fallback_citation": (
        "Nghị định 59/2023/NĐ-CP, Điều 4: cuộc họp không đủ số hộ gia đình tham dự hoặc không "
        "đạt số hộ tán thành thì phát phiếu lấy ý kiến tới từng hộ gia đình"
    ),
    "send_within_working_days": 5,
    "send_citation": (
        f"{LAW}, Điều 20; Nghị định 59/2023/NĐ-CP: gửi Ủy ban nhân dân và Ủy ban Mặt trận Tổ "
        "quốc cấp xã trong thời hạn 05 ngày làm việc"
    ),
    "counting_board_min": 3,
    "counting_board_max": 5,
    "counting_board_citation": (
        f"{LAW}, Điều 18: biểu quyết kín thì lập Tổ kiểm phiếu từ 03 đến 05 người"
    ),
}
MEETING_OR_BALLOT = {
    "allows_meeting": True,
    "allows_ballot": True,
    "allows_online": False,
    "methods_citation": (
        f"{LAW}, Điều 17: tổ chức cuộc họp hoặc phát phiếu lấy ý kiến tới hộ gia đình"
    ),
}
MEETING_ONLY = {
    "allows_meeting": True,
    "allows_ballot": False,
    "allows_online": False,
    "methods_citation": (
        f"{LAW}, Điều 17: nội dung quy định tại các khoản 3, 4 và 5 Điều 15 được tổ chức họp "
        "cử tri hoặc hộ gia đình"
    ),
}
WITH_ONLINE = {
    "allows_meeting": True,
    "allows_ballot": True,
    "allows_online": True,
    "methods_citation": (
        f"{LAW}, Điều 17: biểu quyết trực tuyến chỉ áp dụng cho nội dung quy định tại khoản 6 "
        "Điều 15"
    ),
}
RULES = {
    "infrastructure": MEETING_OR_BALLOT,  # art. 15, cl. 1
    "funds": MEETING_OR_BALLOT,  # art. 15, cl. 2
    "convention": MEETING_ONLY,  # art. 15, cl. 3
    "village_head": MEETING_ONLY,  # art. 15, cl. 4
    "boards": MEETING_ONLY,  # art. 15, cl. 5
    "other": WITH_ONLINE,  # art. 15, cl. 6
}


def add_rules(apps, schema_editor):
    DecisionRule = apps.get_model("community", "DecisionRule")
    for kind, methods in RULES.items():
        DecisionRule.objects.get_or_create(kind=kind, defaults={**COMMON, **methods})


def remove_rules(apps, schema_editor):
    DecisionRule = apps.get_model("community", "DecisionRule")
    DecisionRule.objects.filter(kind__in=list(RULES)).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]
    operations = [migrations.RunPython(add_rules, remove_rules)]
