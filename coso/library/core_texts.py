"""The core texts of the field shipped with coso (loaded by migration 0002_core_texts).

Each entry: number and symbol, type, issuer, title, issued, effective, expires (dd/mm/yyyy or
""), status, the number of the text that replaced it, summary. Metadata we could not confirm
against the official gazette is marked "(cần đối chiếu)" in the summary; an officer checks it
and edits the text. Correct this list only with a new migration: 0002 reads it as it is.
"""

from __future__ import annotations

TO_CHECK = "(cần đối chiếu)"

QH = "Quốc hội"
UBTVQH = "Ủy ban Thường vụ Quốc hội"
CP = "Chính phủ"
TTG = "Thủ tướng Chính phủ"
BCT = "Bộ Chính trị"
BBT = "Ban Bí thư"
BCHTW = "Ban Chấp hành Trung ương"

# (number, type, issuer, title, issued, effective, expires, status, replaced_by, summary)
CORE_TEXTS: list[tuple[str, str, str, str, str, str, str, str, str, str]] = [
    (
        "10/2022/QH15",
        "law",
        QH,
        "Luật Thực hiện dân chủ ở cơ sở",
        "10/11/2022",
        "01/07/2023",
        "",
        "in_force",
        "",
        "Quy định nội dung, cách thức thực hiện dân chủ ở xã, phường, thị trấn, ở cơ quan, "
        "đơn vị sự nghiệp công lập và ở doanh nghiệp, tổ chức có sử dụng lao động: những nội "
        "dung công khai, nhân dân bàn và quyết định, tham gia ý kiến, kiểm tra, giám sát; Ban "
        "Thanh tra nhân dân. Thay thế Pháp lệnh số 34/2007/PL-UBTVQH11.",
    ),
    (
        "34/2007/PL-UBTVQH11",
        "ordinance",
        UBTVQH,
        "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn",
        "20/04/2007",
        "01/07/2007",
        "01/07/2023",
        "replaced",
        "10/2022/QH15",
        "Quy định những nội dung phải công khai để nhân dân biết, nhân dân bàn và quyết định, "
        "tham gia ý kiến, giám sát ở cấp xã. Hết hiệu lực khi Luật Thực hiện dân chủ ở cơ sở "
        "có hiệu lực.",
    ),
    (
        "59/2023/NĐ-CP",
        "decree",
        CP,
        "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
        "14/08/2023",
        "14/08/2023",
        "",
        "in_force",
        "",
        "Quy định chi tiết về hội nghị cộng đồng dân cư, tổ chức và hoạt động của Ban Thanh "
        "tra nhân dân, thực hiện dân chủ ở cơ quan hành chính nhà nước và đơn vị sự nghiệp "
        "công lập. Thay thế Nghị định số 04/2015/NĐ-CP. Ngày hiệu lực " + TO_CHECK + ".",
    ),
    (
        "61/2023/NĐ-CP",
        "decree",
        CP,
        "Về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư",
        "16/08/2023",
        "16/08/2023",
        "",
        "in_force",
        "",
        "Quy định nguyên tắc, nội dung, trình tự xây dựng, thực hiện, sửa đổi hương ước, quy "
        "ước của cộng đồng dân cư và việc công nhận của Ủy ban nhân dân cấp huyện. Ngày hiệu "
        "lực " + TO_CHECK + ".",
    ),
    (
        "145/2020/NĐ-CP",
        "decree",
        CP,
        "Quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều "
        "kiện lao động và quan hệ lao động",
        "14/12/2020",
        "01/02/2021",
        "",
        "in_force",
        "",
        "Trong đó có quy chế dân chủ ở cơ sở tại nơi làm việc: đối thoại định kỳ, hội nghị "
        "người lao động, những nội dung người sử dụng lao động phải công khai. Thay thế Nghị "
        "định số 149/2018/NĐ-CP.",
    ),
    (
        "149/2018/NĐ-CP",
        "decree",
        CP,
        "Quy định chi tiết khoản 3 Điều 63 của Bộ luật Lao động về thực hiện quy chế dân chủ "
        "ở cơ sở tại nơi làm việc",
        "07/11/2018",
        "01/01/2019",
        "01/02/2021",
        "replaced",
        "145/2020/NĐ-CP",
        "Quy chế dân chủ ở cơ sở tại nơi làm việc theo Bộ luật Lao động 2012. Ngày ban hành "
        "và hiệu lực " + TO_CHECK + ".",
    ),
    (
        "04/2015/NĐ-CP",
        "decree",
        CP,
        "Về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự "
        "nghiệp công lập",
        "09/01/2015",
        "01/03/2015",
        "14/08/2023",
        "replaced",
        "59/2023/NĐ-CP",
        "Quy định nội dung, hình thức thực hiện dân chủ trong cơ quan hành chính nhà nước và "
        "đơn vị sự nghiệp công lập; hội nghị cán bộ, công chức, viên chức. Được thay thế bởi "
        "Nghị định số 59/2023/NĐ-CP.",
    ),
    (
        "30/2020/NĐ-CP",
        "decree",
        CP,
        "Về công tác văn thư",
        "05/03/2020",
        "05/03/2020",
        "",
        "in_force",
        "",
        "Quy định thể thức, kỹ thuật trình bày văn bản hành chính (số, ký hiệu, địa danh, "
        "ngày tháng, nơi nhận), soạn thảo, ký ban hành, quản lý văn bản và lập hồ sơ.",
    ),
    (
        "45/2019/QH14",
        "law",
        QH,
        "Bộ luật Lao động",
        "20/11/2019",
        "01/01/2021",
        "",
        "in_force",
        "",
        "Quy định tiêu chuẩn lao động, quyền và nghĩa vụ của người lao động và người sử dụng "
        "lao động; đối thoại tại nơi làm việc và thực hiện quy chế dân chủ ở cơ sở tại nơi "
        "làm việc.",
    ),
    (
        "104/2016/QH13",
        "law",
        QH,
        "Luật Tiếp cận thông tin",
        "06/04/2016",
        "01/07/2018",
        "",
        "in_force",
        "",
        "Quy định quyền tiếp cận thông tin của công dân, thông tin được tiếp cận, thông tin "
        "phải công khai và trách nhiệm cung cấp thông tin của cơ quan nhà nước.",
    ),
    (
        "02/2011/QH13",
        "law",
        QH,
        "Luật Khiếu nại",
        "11/11/2011",
        "01/07/2012",
        "",
        "in_force",
        "",
        "Quy định về khiếu nại và giải quyết khiếu nại đối với quyết định hành chính, hành vi "
        "hành chính của cơ quan hành chính nhà nước và của người có thẩm quyền.",
    ),
    (
        "25/2018/QH14",
        "law",
        QH,
        "Luật Tố cáo",
        "12/06/2018",
        "01/01/2019",
        "",
        "in_force",
        "",
        "Quy định về tố cáo và giải quyết tố cáo, bảo vệ người tố cáo. Thay thế Luật Tố cáo "
        "năm 2011.",
    ),
    (
        "30-CT/TW",
        "directive",
        BCT,
        "Chỉ thị của Bộ Chính trị (khóa VIII) về xây dựng và thực hiện Quy chế dân chủ ở cơ sở",
        "18/02/1998",
        "18/02/1998",
        "",
        "in_force",
        "",
        "Văn bản nền tảng của việc xây dựng và thực hiện quy chế dân chủ ở cơ sở theo phương "
        'châm "dân biết, dân bàn, dân làm, dân kiểm tra".',
    ),
    (
        "120-KL/TW",
        "conclusion",
        BCT,
        "Kết luận của Bộ Chính trị (khóa XI) về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu "
        "quả việc xây dựng và thực hiện Quy chế dân chủ ở cơ sở",
        "07/01/2016",
        "07/01/2016",
        "",
        "in_force",
        "",
        "Tiếp tục thực hiện Chỉ thị số 30-CT/TW; nâng cao trách nhiệm của cấp ủy, chính quyền, "
        "người đứng đầu trong thực hiện dân chủ ở cơ sở.",
    ),
    (
        "217-QĐ/TW",
        "decision",
        BCT,
        "Quyết định ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt "
        "Nam và các đoàn thể chính trị - xã hội",
        "12/12/2013",
        "12/12/2013",
        "",
        "in_force",
        "",
        "Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể. Tình trạng "
        "hiệu lực hiện nay " + TO_CHECK + ".",
    ),
    (
        "218-QĐ/TW",
        "decision",
        BCT,
        "Quyết định ban hành Quy định về việc Mặt trận Tổ quốc Việt Nam, các đoàn thể chính "
        "trị - xã hội và nhân dân tham gia góp ý xây dựng Đảng, xây dựng chính quyền",
        "12/12/2013",
        "12/12/2013",
        "",
        "in_force",
        "",
        "Quy định việc nhân dân, Mặt trận và các đoàn thể góp ý xây dựng Đảng, xây dựng chính "
        "quyền. Tình trạng hiệu lực hiện nay " + TO_CHECK + ".",
    ),
    (
        "11-QĐi/TW",
        "regulation",
        BCT,
        "Quy định về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực "
        "tiếp với dân và xử lý những phản ánh, kiến nghị của dân",
        "18/02/2019",
        "18/02/2019",
        "",
        "in_force",
        "",
        "Người đứng đầu cấp ủy tiếp dân định kỳ, đối thoại trực tiếp khi cần và chỉ đạo xử lý "
        "phản ánh, kiến nghị của dân.",
    ),
    (
        "08-QĐi/TW",
        "regulation",
        BCHTW,
        "Quy định về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ "
        "Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương",
        "25/10/2018",
        "25/10/2018",
        "",
        "in_force",
        "",
        "Trách nhiệm nêu gương của cán bộ, đảng viên.",
    ),
    (
        "124-QĐ/TW",
        "regulation",
        BBT,
        "Quy định về giám sát của Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội "
        "và nhân dân đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu, cán "
        "bộ chủ chốt và cán bộ, đảng viên",
        "02/02/2018",
        "02/02/2018",
        "",
        "in_force",
        "",
        "Giám sát của Mặt trận, đoàn thể và nhân dân đối với đạo đức, lối sống của cán bộ, đảng "
        "viên.",
    ),
    (
        "99-QĐ/TW",
        "decision",
        BBT,
        "Quyết định ban hành Hướng dẫn khung để các cấp ủy đảng tiếp tục phát huy vai trò của "
        "nhân dân trong đấu tranh ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo "
        'đức, lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ',
        "",
        "",
        "",
        "in_force",
        "",
        "Ngày ban hành " + TO_CHECK + ".",
    ),
    (
        "05-CT/TW",
        "directive",
        BCT,
        "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "15/05/2016",
        "15/05/2016",
        "",
        "in_force",
        "",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ),
    (
        "01-KL/TW",
        "conclusion",
        BCT,
        "Kết luận về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư "
        "tưởng, đạo đức, phong cách Hồ Chí Minh",
        "18/05/2021",
        "18/05/2021",
        "",
        "in_force",
        "",
        "Tiếp tục thực hiện Chỉ thị số 05-CT/TW.",
    ),
    (
        "18-CT/TW",
        "directive",
        BBT,
        "Chỉ thị về phát huy vai trò, nâng cao chất lượng, hiệu quả công tác giám sát, phản "
        "biện xã hội của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
        "26/10/2022",
        "26/10/2022",
        "",
        "in_force",
        "",
        "Trích yếu " + TO_CHECK + ".",
    ),
    (
        "27-NQ/TW",
        "party_resolution",
        BCHTW,
        "Nghị quyết về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa "
        "Việt Nam trong giai đoạn mới",
        "09/11/2022",
        "09/11/2022",
        "",
        "in_force",
        "",
        "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XIII.",
    ),
    (
        "33/CT-TTg",
        "directive",
        TTG,
        "Chỉ thị về tiếp tục tăng cường thực hiện dân chủ ở cơ sở " + TO_CHECK,
        "26/11/2021",
        "26/11/2021",
        "",
        "in_force",
        "",
        "Trích yếu " + TO_CHECK + ".",
    ),
    (
        "26/CT-TTg",
        "directive",
        TTG,
        "Chỉ thị về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp",
        "05/09/2016",
        "05/09/2016",
        "",
        "in_force",
        "",
        "Kỷ luật, kỷ cương hành chính, văn hóa công vụ.",
    ),
]
