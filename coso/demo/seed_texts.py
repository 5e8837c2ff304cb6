"""Text of two real plans, transcribed from the public documents (Vietnamese, as issued).

OFFICE_2025: Kế hoạch thực hiện công tác dân chủ ở cơ sở năm 2025 of the Quảng Trị provincial
People's Committee office. TOWN_2024: Kế hoạch thực hiện dân chủ ở cơ sở năm 2024 of thị trấn
Thanh Miện (Hải Dương, now Hải Phòng). Each holds the preamble, sections (number, title, body),
tasks (title, description), recipients and closing sentence; timings are set in documents.py.
"""

OFFICE_2025 = {
    "preamble": "Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ Quy định chi "
    "tiết một số điều của Luật Thực hiện dân chủ ở cơ sở; Kế hoạch số 88/KH-UBND "
    "ngày 24/04/2023 của UBND tỉnh triển khai thi hành Luật Thực hiện dân chủ cơ sở, "
    "Kế hoạch số 18/KH-UBND ngày 17/01/2025 của UBND tỉnh về thực hiện công tác dân "
    "chủ ở cơ sở năm 2025, Văn phòng UBND tỉnh ban hành Kế hoạch thực hiện công tác "
    "dân chủ ở cơ sở năm 2025 với các nội dung sau:",
    "sections": [
        (
            "I.",
            "MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích\n"
            "\n"
            "Tiếp tục quán triệt, triển khai các văn bản của Trung ương, của tỉnh về thực "
            "hiện dân chủ ở cơ sở nhằm không ngừng nâng cao nhận thức của cán bộ, công "
            "chức, viên chức, người lao động về dân chủ và thực hành dân chủ, bảo đảm phát "
            "huy quyền làm chủ của Nhân dân.\n"
            "\n"
            "Cụ thể hóa các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về "
            "phát huy dân chủ, quyền làm chủ của Nhân dân trên tất cả các lĩnh vực của đời "
            "sống xã hội. Thực hiện tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm "
            "tra, dân giám sát, dân thụ hưởng” góp phần xây dựng Đảng, chính quyền trong "
            "sạch, vững mạnh; tăng cường khối đại đoàn kết toàn dân, giữ vững an ninh "
            "chính trị, trật tự an toàn xã hội, thực hiện tốt các nhiệm vụ chính trị được "
            "giao, góp phần hoàn thành mục tiêu phát triển kinh tế, văn hóa, xã hội; đảm "
            "bảo quốc phòng - an ninh trên địa bàn tỉnh.\n"
            "\n"
            "2. Yêu cầu\n"
            "\n"
            "Việc thực hiện dân chủ ở cơ sở phải được tiến hành trên tất cả các lĩnh vực "
            "có liên quan trực tiếp đến quyền và lợi ích chính đáng của Nhân dân; nêu cao "
            "tinh thần trách nhiệm của cán bộ, công chức, viên chức, nhất là người đứng "
            "đầu trong việc lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở đi vào nền nếp, "
            "thiết thực, hiệu quả, tránh hình thức.\n"
            "\n"
            "Đưa việc thực hiện dân chủ ở cơ sở trở thành một trong những nhiệm vụ trọng "
            "tâm, thường xuyên. Nâng cao chất lượng, hiệu quả việc thực hiện dân chủ ở cơ "
            "sở, kịp thời khắc phục những tồn tại, hạn chế trong quá trình triển khai thực "
            "hiện; phát huy những nhân tố tích cực, điển hình tiên tiến để hoàn thành tốt "
            "nhiệm vụ chính trị được giao.",
        ),
        ("II.", "NỘI DUNG THỰC HIỆN", ""),
        (
            "III.",
            "TỔ CHỨC THỰC HIỆN",
            "1. Các phòng, ban, đơn vị phổ biến, quán triệt đến công chức, viên chức, "
            "người lao động của đơn vị triển khai thực hiện các nội dung tại Kế hoạch này; "
            "định kỳ báo cáo kết quả thực hiện về Văn phòng UBND tỉnh (qua Phòng Hành "
            "chính-Tổ chức).\n"
            "\n"
            "3. Giao Phòng Hành chính - Tổ chức tham mưu, theo dõi, đôn đốc, kiểm tra việc "
            "tổ chức thực hiện dân chủ ở cơ sở và các nội dung theo Kế hoạch này; định kỳ "
            "tổng hợp kết quả, báo cáo UBND tỉnh (qua Sở Nội vụ) để theo dõi, chỉ đạo.\n"
            "\n"
            "Trên đây là Kế hoạch thực hiện dân chủ ở cơ sở của Văn phòng UBND tỉnh năm "
            "2025. Yêu cầu các phòng, ban, đơn vị; công chức, viên chức và người lao động "
            "triển khai thực hiện./.",
        ),
    ],
    "tasks": [
        (
            "Tiếp tục đẩy mạnh công tác tuyên truyền, quán triệt nâng cao nhận thức về xây "
            "dựng và thực hiện dân chủ ở cơ sở",
            "Tiếp tục tuyên tuyền, triển khai thực hiện Luật Thực hiện dân chủ ở cơ sở năm "
            "2022; Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; Nghị định số "
            "61/2023/NĐ-CP, ngày 16/8/2023 của Chính phủ về xây dựng và thực hiện hương ước, "
            "quy ước của cộng đồng dân cư; Nghị quyết số 120/2024/NQ-HĐND ngày 06/12/2024 của "
            "Hội đồng nhân dân tỉnh về quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ "
            "sở trên địa bàn tỉnh Quảng Trị và Công văn số 44/UBND-NC ngày 06/01/2025 của "
            "UBND tỉnh về việc triển khai thực hiện Nghị quyết số 120/2024/NQ-HĐND ngày "
            "06/12/2024 của HĐND tỉnh.\n"
            "\n"
            "Đảng ủy, lãnh đạo Văn phòng và các đơn vị trực thuộc tiếp tục chỉ đạo thực hiện "
            "tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ "
            "hưởng”, đặc biệt là trong triển khai các dự án đầu tư phát triển kinh tế - xã "
            "hội, công tác bồi thường, tái định cư, giải phóng mặt bằng trên địa bàn tỉnh.\n"
            "\n"
            "Thực hiện tuyên truyền về công tác dân chủ cơ sở bằng nhiều hình thức khác nhau "
            "như: Viết các tin, bài trên Cổng thông tin điện tử tỉnh, Trang thông tin điện tử "
            "của Văn phòng UBND tỉnh; thông qua các cuộc họp cơ quan, đơn vị; qua các văn "
            "bản...nhằm tạo sự chuyển biến tích cực trong nhận thức và hành động của toàn thể "
            "cán bộ, công chức, viên chức, người lao động về dân chủ và thực hiện dân chủ, "
            "góp phần xây dựng cơ quan ngày càng trong sạch, vững mạnh, hoạt động hiệu lực, "
            "hiệu quả; xây dựng đội ngũ cán bộ, công chức, viên chức có đủ năng lực, phẩm "
            "chất đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
        ),
        (
            "Gắn việc thực hiện dân chủ ở cơ sở với nhiệm vụ chính trị của cơ quan, đơn vị",
            "Xây dựng và thực hiện dân chủ ở cơ sở phải gắn với việc thực hiện nhiệm vụ "
            "chuyên môn, chú trọng đẩy mạnh công tác cải cách hành chính, công tác chuyển đổi "
            "số, công tác dân vận chính quyền. Duy trì thường xuyên và nâng cao hiệu quả công "
            "tác tiếp dân, giải quyết đơn thư khiếu nại, tố cáo của công dân.\n"
            "\n"
            "Tiếp tục đổi mới công tác chỉ đạo, điều hành cơ quan, đơn vị; quan tâm phát "
            "triển chính quyền điện tử, chính quyền số; nâng cao đạo đức công vụ của cán bộ, "
            "công chức, viên chức. Thực hiện nghiêm Chỉ thị số 26/CT-TTg ngày 05/9/2016 của "
            "Thủ tướng Chính phủ về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính "
            "nhà nước các cấp.\n"
            "\n"
            "Nâng cao hiệu quả công tác tiếp xúc, đối thoại trực tiếp với người dân theo Quy "
            "định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị quy định về trách nhiệm của "
            "người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý "
            "những phản ánh, kiến nghị của dân; các quy định về đối thoại của người đứng đầu "
            "cơ quan, đơn vị, địa phương với nhân dân…tập trung giải quyết kịp thời, dứt điểm "
            "những kiến nghị, nguyện vọng chính đáng của Nhân dân, nhất là các vấn đề dư luận "
            "Nhân dân đang quan tâm. Tăng cường triển khai Chỉ thị số 33/CT-TTg ngày "
            "26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác "
            "dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình "
            "mới. Chủ động tham mưu, đôn đốc, hướng dẫn, tổ chức kiểm tra, giám sát việc xây "
            "dựng và thực hiện dân chủ ở cơ sở; việc thực hiện trách nhiệm nêu gương của "
            "người đứng đầu, của cán bộ, công chức, viên chức về dân chủ và thực hiện dân chủ "
            "ở cơ sở.",
        ),
        (
            "Công tác phối hợp với Ủy ban Mặt trận Tổ quốc và các ngành đoàn thể chính trị - "
            "xã hội",
            "Thực hiện tốt các quy định tại Quyết định số 217-QĐ/TW, ngày 12/12/2013 của Bộ "
            "Chính trị ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc "
            "Việt Nam và các đoàn thể chính trị - xã hội; Quyết định số 218-QĐ/TW, ngày "
            "12/12/2013 của Bộ Chính trị về việc ban hành quy định về việc Mặt trận Tổ quốc "
            "Việt Nam, các đoàn thể chính trị - xã hội và nhân dân tham gia góp ý xây dựng "
            "Đảng, xây dựng chính quyền; Quyết định số 907-QĐ/TU ngày 29/3/2018 của Ban "
            "Thường vụ Tỉnh ủy ban hành Quy định trách nhiệm của cấp uỷ, chính quyền trong "
            "việc tiếp thu, giải quyết kiến nghị của MTTQ, các đoàn thể chính trị - xã hội và "
            "Nhân dân sau giám sát, phản biện xã hội và tham gia góp ý xây dựng Đảng, xây "
            "dựng chính quyền.\n"
            "\n"
            "Tăng cường công tác phối hợp giữa chính quyền với mặt trận và các tổ chức đoàn "
            "thể, chính trị - xã hội trong thực hiện dân chủ cơ sở, công tác dân vận chính "
            "quyền. Phối hợp tốt trong thực hiện công tác tuyên truyền, vận động công chức, "
            "viên chức, người lao động đóng góp ý kiến và xây dựng các chủ trương, chính "
            "sách, pháp luật của Đảng, chính sách, pháp luật của Nhà nước; phối hợp tổ chức "
            "phát động và thực hiện có hiệu quả các cuộc vận động, các phong trào thi đua yêu "
            "nước, phong trào thi đua “dân vận khéo”, phát huy sức mạnh đại đoàn kết toàn dân "
            "trong xây dựng cơ quan, đơn vị, hoàn thành tốt nhiệm vụ được giao góp phần phát "
            "triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh.",
        ),
        (
            "Công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở",
            "Lãnh đạo Văn phòng và các đơn vị trực thuộc thường xuyên kiểm tra, giám sát việc "
            "thực hiện dân chủ ở cơ quan, đơn vị mình phụ trách. Trong đó, chú trọng kiểm tra "
            "việc xây dựng, thực hiện các quy chế, quy định của cơ quan, đơn vị; công tác "
            "lãnh đạo, chỉ đạo thực hiện Luật thực hiện dân chủ ở cơ sở, trách nhiệm nêu "
            "gương của người đứng đầu, ý thức gương mẫu chấp hành của cán bộ, đảng viên, công "
            "chức, viên chức về dân chủ và thực hiện dân chủ ở cơ sở nhằm kịp thời chấn chỉnh "
            "các mặt tồn tại, hạn chế, đề ra giải pháp khắc phục đáp ứng yêu cầu nhiệm vụ "
            "trong tình hình mới.",
        ),
        (
            "Kiểm điểm, rút kinh nghiệm những vụ việc đã xảy ra trong năm 2024",
            "Nghiêm túc kiểm điểm, rút kinh nghiệm những vụ việc đã xãy ra trong năm 2024 "
            "theo thông báo kết luận của các cơ quan có thẩm quyền.",
        ),
        (
            "Tổ chức thực hiện có hiệu quả quy chế dân chủ ở các loại hình cơ sở",
            "Tiếp tục tổ chức thực hiện tốt Luật Thực hiện dân chủ ở cơ sở năm 2022, đảm bảo "
            "nguyên tắc tập trung dân chủ, sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền; Quy "
            "chế dân chủ cơ sở của cơ quan, đơn vị; nâng cao năng lực quản lý nhà nước, tổ "
            "chức thực hiện có hiệu quả công tác cải cách hành chính, nhất là cải cách thủ "
            "tục hành chính; thực hiện nghiêm việc công khai minh bạch trong hoạt động quản "
            "lý nhà nước đối với ngành, lĩnh vực và trong nội bộ cơ quan, đơn vị; rà soát, "
            "sửa đổi, bổ sung các quy định, quy chế nhằm bảo đảm thống nhất thực hiện.\n"
            "\n"
            "Thực hiện dân chủ, công khai quy trình thủ tục trong công tác cán bộ như: Quy "
            "hoạch, bổ nhiệm, bổ nhiệm lại, đánh giá, xếp loại cán bộ, công chức, viên chức, "
            "người lao động, tiền lương, tiền thưởng, phúc lợi xã hội, nâng lương, thi đua - "
            "khen thưởng, tinh giản biên chế; công khai, minh bạch tài sản, thu nhập…đảm bảo "
            "đúng quy định của pháp luật, nhất là các lĩnh vực có liên quan trực tiếp đến "
            "quyền và lợi ích của cán bộ, công chức, viên chức và người lao động.\n"
            "\n"
            "Duy trì và nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân và các tổ "
            "chức đoàn thể, phát huy vai trò đại diện cho quyền lợi của cán bộ công chức, "
            "viên chức và người lao động, tạo không khí dân chủ, cởi mở, đoàn kết trong nội "
            "bộ, đẩy mạnh các phong trào thi đua phấn đấu hoàn thành tốt nhiệm vụ được giao.",
        ),
        (
            "Phổ biến, quán triệt Kế hoạch đến công chức, viên chức, người lao động; định kỳ "
            "báo cáo kết quả",
            "1. Các phòng, ban, đơn vị phổ biến, quán triệt đến công chức, viên chức, người "
            "lao động của đơn vị triển khai thực hiện các nội dung tại Kế hoạch này; định kỳ "
            "báo cáo kết quả thực hiện về Văn phòng UBND tỉnh (qua Phòng Hành chính-Tổ "
            "chức).",
        ),
        (
            "Tham mưu, theo dõi, đôn đốc, kiểm tra và tổng hợp báo cáo UBND tỉnh (qua Sở Nội vụ)",
            "3. Giao Phòng Hành chính - Tổ chức tham mưu, theo dõi, đôn đốc, kiểm tra việc tổ "
            "chức thực hiện dân chủ ở cơ sở và các nội dung theo Kế hoạch này; định kỳ tổng "
            "hợp kết quả, báo cáo UBND tỉnh (qua Sở Nội vụ) để theo dõi, chỉ đạo.",
        ),
    ],
    "recipients": "- UBND tỉnh (b/c);\n"
    "- ĐUK CQ&DN tỉnh;\n"
    "- Sở Nội vụ;\n"
    "- CVP, các PCVP UBND tỉnh;\n"
    "- Các phòng, ban, đơn vị;\n"
    "- Các tổ chức đoàn thể thuộc VP;\n"
    "- Lưu: VT, HCTC(Tr).",
    "closing": "Trên đây là Kế hoạch thực hiện dân chủ ở cơ sở của Văn phòng UBND tỉnh năm 2025. "
    "Yêu cầu các phòng, ban, đơn vị; công chức, viên chức và người lao động triển "
    "khai thực hiện./.",
}

TOWN_2024 = {
    "preamble": "Thực hiện Quy chế dân chủ trên địa bàn thị trấn (theo Quyết định số "
    "01/2024/QĐ-UBND ngày 21/5/2024 về ban hành Quy chế thực hiện dân chủ trên địa "
    "bàn thị trấn Thanh Miện), UBND thị trấn xây dựng kế hoạch thực hiện dân chủ ở "
    "cơ sở năm 2024 với nội dung như sau:",
    "sections": [
        (
            "I.",
            "MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích\n"
            "\n"
            "Đẩy mạnh việc thực hiện dân chủ ở cơ sở, mở rộng, phát huy dân chủ trên các "
            "lĩnh vực của đời sống xã hội. Nâng cao nhận thức, trách nhiệm của đội ngũ cán "
            "bộ, công chức và Nhân dân về dân chủ, thực hành dân chủ, gắn với việc thực "
            "hiện nghị quyết Đại hội đảng bộ các cấp, các nghị quyết, chỉ thị về công tác "
            "dân vận, phong trào “Dân vận khéo”… bảo đảm công khai, minh bạch trong hoạt "
            "động quản lý, điều hành; đáp ứng yêu cầu phát triển kinh tế - xã hội, đảm bảo "
            "quốc phòng - an ninh trên địa bàn.\n"
            "\n"
            "2. Yêu cầu\n"
            "\n"
            "- Việc xây dựng và thực hiện dân chủ ở cơ sở phải bám sát các nghị quyết, "
            "hướng dẫn của Trung ương, Tỉnh uỷ, Huyện uỷ và tuân thủ Luật thực hiện dân "
            "chủ ở cơ sở; cụ thể hóa thành quy chế, quy định nội dung, công việc cụ thể, "
            "phù hợp với tình hình thực tế của đơn vị, địa phương; bảo đảm thiết thực, "
            "hiệu quả, tránh hình thức.\n"
            "\n"
            "- Thực hiện dân chủ ở cơ sở phải thực hiện thường xuyên trở thành nền nếp; "
            "phát huy sức mạnh của cơ quan, đơn vị, các đoàn thể trong việc thực hiện dân "
            "chủ cơ sở. Kịp thời khắc phục hạn chế, thiếu sót trong chỉ đạo, thực hiện "
            "quyền dân chủ ở cơ sở; phát huy những nhân tố mới và điển hình tiên tiến để "
            "hoàn thành tốt nhiệm vụ chính trị của cơ quan, đơn vị.",
        ),
        ("II.", "NỘI DUNG THỰC HIỆN", ""),
        (
            "III.",
            "TỔ CHỨC THỰC HIỆN",
            "1. Các ban, ngành, đoàn thể, khu dân cư trên địa bàn thị trấn căn cứ nội dung "
            "Kế hoạch này xây dựng kế hoạch thực hiện năm 2024 và báo cáo kết quả thực "
            "hiện về UBND thị trấn.\n"
            "\n"
            "2. Giao công chức Văn phòng Đảng uỷ - nội vụ tham mưu, theo dõi, đôn đốc việc "
            "tổ chức thực hiện các nội dung theo Kế hoạch và tổng hợp báo cáo Ủy ban nhân "
            "dân thị trấn theo quy định.\n"
            "\n"
            "Trên đây là Kế hoạch thực hiện dân chủ ở cơ sở năm 2024, yêu cầu các tổ chức, "
            "cá nhân có liên quan nghiêm túc triển khai thực hiện./.",
        ),
    ],
    "tasks": [
        (
            "Tiếp tục đẩy mạnh công tác tuyên truyền, quán triệt nâng cao nhận thức về xây "
            "dựng và thực hiện quy chế dân chủ ở cơ sở và thực hành dân chủ ở cơ sở",
            "- Các ban, ngành, đoàn thể, khu dân cư trên địa bàn thị trấn tiếp tục triển "
            "khai, quán triệt các chủ trương, đường lối của Đảng, chính sách, pháp luật của "
            "Nhà nước về thực hiện dân chủ ở cơ sở, trọng tâm là: Luật thực hiện dân chủ ở cơ "
            "sở; Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị (khóa XI) về tiếp tục "
            "đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện quy chế dân "
            "chủ ở cơ sở; Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực "
            "hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp "
            "công lập; Nghị định số 145/2020/NĐ-CP của Chính phủ quy định chi tiết và hướng "
            "dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ "
            "lao động; gắn với Nghị quyết Đại hội Đảng các cấp nhiệm kỳ 2020- 2025, các nghị "
            "quyết, kết luận, kế hoạch của Trung ương, của tỉnh, huyện về công tác xây dựng, "
            "chỉnh đốn Đảng, các cuộc vận động, phong trào thi đua yêu nước đến cán bộ, công "
            "chức một cách đồng bộ, đi vào chiều sâu ở tất cả các loại hình cơ sở, nhất là "
            "các lĩnh vực liên quan trực tiếp đến quyền, lợi ích hợp pháp, chính đáng của "
            "Nhân dân.\n"
            "\n"
            "- Tuyên truyền, phổ biến quy định về trách nhiệm của người đứng đầu cấp ủy trong "
            "việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị "
            "của dân trên địa bàn thị trấn; Quy định về giám sát của Mặt trận Tổ quốc Việt "
            "Nam, các tổ chức chính trị -xã hội và Nhân dân đối với việc rèn luyện đạo đức, "
            "lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên (Quy định số "
            "124-QĐ/TW ngày 02/02/2018 của Ban Bí thư); tiếp tục phát huy vai trò của Nhân "
            "dân trong đấu tranh ngăn chặn, đẩy lùi sự suy thoái, “tự diễn biến”, “tự chuyển "
            "hóa” trong nội bộ (Quyết định số 99-QĐ/TW ngày 03/10/2017 của Ban Bí thư). Công "
            "khai địa chỉ tiếp nhận phản ánh, kiến nghị bằng nhiều hình thức để người dân "
            "biết, dễ tiếp cận và thực hiện.\n"
            "\n"
            "- Đa dạng hóa các hình thức thông tin, tuyên truyền tạo sự chuyển biến tích cực "
            "trong nhận thức và hành động của cơ quan, tổ chức, đơn vị trong hệ thống chính "
            "trị, cán bộ, công chức về dân chủ và thực hành dân chủ, góp phần xây dựng đơn vị "
            "ngày càng trong sạch, vững mạnh, hoạt động hiệu lực, hiệu quả; xây dựng đội ngũ "
            "cán bộ, công chức có đủ năng lực, phẩm chất đáp ứng yêu cầu nhiệm vụ nhiệm vụ "
            "trong tình hình mới.",
        ),
        (
            "Công khai địa chỉ tiếp nhận phản ánh, kiến nghị bằng nhiều hình thức",
            "Công khai địa chỉ tiếp nhận phản ánh, kiến nghị bằng nhiều hình thức để người "
            "dân biết, dễ tiếp cận và thực hiện.",
        ),
        (
            "Gắn việc thực hiện dân chủ ở cơ sở với nhiệm vụ chính trị của cơ quan, đơn vị",
            "- Các đơn vị thực hiện dân chủ ở cơ sở phải gắn với thực hiện nhiệm vụ chính "
            "trị, nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh; xây "
            "dựng hệ thống chính trị, gắn với cải cách hành chính, dân vận chính quyền; Quy "
            "định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương quy định trách "
            "nhiệm nêu gương của cán bộ, đảng viên; Quy định số 11-QĐi/TW ngày 18/02/2019 của "
            "Ban Chấp hành Trung ương về trách nhiệm của người đứng đầu cấp ủy trong việc "
            "tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ảnh kiến nghị của "
            "dân.\n"
            "\n"
            "- Phát huy tốt vai trò nêu gương của đảng viên, đặc biệt là người đứng đầu, cán "
            "bộ lãnh đạo quản lý trong thực hành dân chủ gắn với thực hiện tốt Kết luận số "
            "21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương về đẩy mạnh xây dựng, "
            "chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, xử lý nghiêm cán bộ, "
            "đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn "
            "biến”, “tự chuyển hoá”; Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về "
            "tiếp tục thực hiện Chỉ thị số 05-CT/TW về “Đẩy mạnh học tập và làm theo tư "
            "tưởng, đạo đức, phong cách Hồ Chí Minh”; Chỉ thị số 24/CT-TTg ngày 15/11/2016 "
            "của UBND tỉnh Hải Dương về tăng cường kỷ luật, kỷ cương trong các cơ quan hành "
            "chính nhà nước.\n"
            "\n"
            "- Tiếp tục thể chế hóa, cụ thể hóa kịp thời các văn bản của Đảng, Nhà nước về "
            "thực hiện dân chủ ở cơ sở; lắng nghe, tiếp thu ý kiến Nhân dân trong xây dựng, "
            "ban hành các cơ chế chính sách nhằm đáp ứng quyền, lợi ích, nguyện vọng chính "
            "đáng của Nhân dân. Ban hành các cơ chế, chính sách đồng bộ phù hợp với yêu cầu "
            "thực tiễn đảm bảo quyền làm chủ của Nhân dân gắn với thực hiện hiệu quả Chỉ thị "
            "số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và "
            "đổi mới công tác dân vận của cơ quan hành chính Nhà nước, chính quyền các cấp "
            "trong tình hình mới.\n"
            "\n"
            "- Tập trung nâng cao chất lượng cải cách hành chính gắn với nâng cao trách "
            "nhiệm, đạo đức công vụ của cán bộ, công chức trong giải quyết công việc với Nhân "
            "dân, tổ chức, doanh nghiệp; gắn việc triển khai thực hiện dân chủ cơ sở với phát "
            "triển kinh tế, xã hội, công tác an sinh xã hội, chăm lo đời sống vật chất và "
            "tinh thần cho Nhân dân.\n"
            "\n"
            "- Tiếp tục thực hiện hiệu quả công tác tiếp xúc, đối thoại trực tiếp với người "
            "dân theo Quy định của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy "
            "trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến "
            "nghị của dân; tập trung giải quyết kịp thời, dứt điểm những kiến nghị, nguyện "
            "vọng chính đáng của Nhân dân, nhất là các vấn đề dư luận Nhân dân đang quan "
            "tâm.\n"
            "\n"
            "- Gắn việc thực hiện dân chủ ở cơ sở với việc thực hiện Nghị quyết Trung ương 4 "
            "khóa XI về “Một số vấn đề cấp bách về xây dựng Đảng hiện nay” và Nghị quyết "
            "Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy "
            "lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự "
            "diễn biến”, “tự chuyển hóa” trong nội bộ; việc “Học tập và làm theo tư tưởng, "
            "đạo đức, phong cách Hồ Chí Minh”. Nâng cao ý thức thực hành tiết kiệm, tinh thần "
            "đấu tranh phòng, chống tham nhũng, lãng phí, quan liêu, cửa quyền; nâng cao năng "
            "lực, hiệu lực, hiệu quả quản lý nhà nước của các cơ quan, đơn vị; đổi mới tác "
            "phong, lề lối làm việc theo hướng dân chủ hóa và công khai hóa; phát huy tinh "
            "thần trách nhiệm, ý thức phục vụ Nhân dân của đội ngũ cán bộ, công chức.\n"
            "\n"
            "- Tăng cường công tác giáo dục chính trị, tư tưởng, đạo đức lối sống và các hoạt "
            "động đào tạo bồi dưỡng, nâng cao năng lực về chuyên môn nghiệp vụ cho đội ngũ "
            "cán bộ, công chức góp phần nâng cao chất lượng hiệu quả công tác tham mưu, triển "
            "khai thực hiện các chủ trương của Đảng, chính sách, pháp luật của Nhà nước và "
            "đáp ứng yêu cầu đổi mới trong giai đoạn hiện nay.\n"
            "\n"
            "- Thực hiện nghiêm túc quy chế phối hợp giữa cấp ủy, các tổ chức đoàn thể; tổ "
            "chức thực hiện tốt dân chủ ở cơ sở trong việc niêm yết công khai những nội dung "
            "để cán bộ, công chức và Nhân dân được biết theo quy định của pháp luật với "
            "phương châm “dân biết, dân bàn, dân làm, dân kiểm tra”, xây dựng cơ quan, đơn vị "
            "trong sạch, vững mạnh toàn diện.",
        ),
        (
            "Xây dựng, nhân rộng mô hình, điển hình tiên tiến trong thực hiện dân chủ ở cơ sở",
            "- Tiếp tục triển khai, xây dựng các mô hình, điển hình tiên tiến trong xây dựng "
            "và thực hiện dân chủ ở cơ sở trong các loại hình cơ sở; kịp thời biểu dương, "
            "khen thưởng, nhân rộng các điển hình tiêu biểu trong thực hiện dân chủ ở cơ sở.",
        ),
        (
            "Công tác phối hợp với Mặt trận Tổ quốc, các tổ chức chính trị - xã hội trong "
            "thực hành và phát huy dân chủ ở cơ sở",
            "- Chính quyền thực hiện tốt trong công tác phối hợp, tạo điều kiện và tiếp thu "
            "góp ý của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội và Nhân dân tham gia "
            "phản biện, góp ý xây dựng chính quyền; tổ chức tốt việc đối thoại trực tiếp theo "
            "định kỳ giữa người đứng đầu cấp ủy, chính quyền với Nhân dân; lựa chọn những vấn "
            "đề thiết thực, tác động trực tiếp đến người dân để đối thoại, qua đó giải quyết "
            "kịp thời, có hiệu quả những vấn đề bức xúc, nổi cộm Nhân dân quan tâm.\n"
            "\n"
            "- Tiếp tục triển khai thực hiện nghiêm túc Quyết định số 217-QĐ/TW; Quyết định "
            "số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về Quy chế giám sát và phản biện "
            "xã hội, tham gia góp ý xây dựng Đảng, xây dựng chính quyền của Mặt trận Tổ quốc "
            "Việt Nam và các tổ chức chính trị - xã hội và Nhân dân; Quy định số 124-QĐ/TW "
            "ngày 02/02/2018 của Ban Bí thư Trung ương Đảng về giám sát của Mặt trận Tổ quốc "
            "Việt Nam, các tổ chức chính trị - xã hội và Nhân dân đối với việc rèn luyện đạo "
            "đức, lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên; Chỉ thị "
            "số 18-CT/TW ngày 26/10/2022 của Ban Bí thư về phát huy vai trò, nâng cao chất "
            "lượng, hiệu quả công tác giám sát, phản biện xã hội của Mặt trận Tổ quốc và các "
            "tổ chức chính trị - xã hội;",
        ),
        (
            "Kiện toàn, nâng cao chất lượng hoạt động của Ban Chỉ đạo thực hiện Quy chế dân "
            "chủ ở cơ sở",
            "- Cấp ủy đảng, chính quyền thị trấn thường xuyên củng cố, rà soát, kiện toàn Ban "
            "Chỉ đạo đáp ứng yêu cầu nhiệm vụ và phù hợp với tình hình thực tế; ban hành, bổ "
            "sung, sửa đổi quy chế làm việc, phân công nhiệm vụ cụ thể cho từng thành viên; "
            "thực hiện tốt công tác đôn đốc, kiểm tra, giám sát, hướng dẫn thực hiện.\n"
            "\n"
            "- Nâng cao chất lượng hoạt động của Ban Chỉ đạo, bộ phận giúp việc; chú trọng "
            "công tác tập huấn, bồi dưỡng, hướng dẫn chuyên môn, nghiệp vụ; phát huy năng lực "
            "sáng tạo, nêu cao ý thức trách nhiệm, đạo đức công vụ và thái độ phục vụ Nhân "
            "dân của đội ngũ cán bộ, công chức.",
        ),
        (
            "Công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở",
            "- Cấp uỷ, chính quyền xây dựng nội dung kế hoạch kiểm tra, giám sát việc thực "
            "hiện dân chủ ở thị trấn, dân chủ trong hoạt động cơ quan hành chính nhà nước. "
            "Trong đó, chú trọng kiểm tra sâu việc xây dựng, thực hiện các quy chế, quy định "
            "của cơ quan, đơn vị; giám sát việc thực hiện trách nhiệm nêu gương của người "
            "đứng đầu, ý thức gương mẫu chấp hành của cán bộ, đảng viên, công chức về dân chủ "
            "và thực hành dân chủ ở cơ sở.\n"
            "\n"
            "- Tăng cường công tác kiểm tra, giám sát việc lãnh đạo, chỉ đạo, tổ chức thực "
            "hiện các chủ trương, nghị quyết, các quy định về thực hiện dân chủ ở cơ sở tại "
            "các cơ quan, đơn vị, nơi làm việc gắn với công tác phòng chống quan liêu, tham "
            "nhũng, lãng phí, tiêu cực có dư luận phản ánh của người dân; các nội dung, lĩnh "
            "vực phức tạp, nhạy cảm dễ xảy ra sai phạm, như công tác cán bộ, công tác tài "
            "chính, triển khai các chương trình, dự án.\n"
            "\n"
            "- Tổ chức kiểm tra, đánh giá kết quả việc thực hiện dân chủ ở các ban, ngành, "
            "đơn vị, kịp thời chấn chỉnh các mặt tồn tại, hạn chế, đề ra giải pháp khắc phục "
            "đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
        ),
        (
            "Các ban, ngành, đoàn thể, khu dân cư xây dựng kế hoạch năm 2024 và báo cáo kết "
            "quả về UBND thị trấn",
            "1. Các ban, ngành, đoàn thể, khu dân cư trên địa bàn thị trấn căn cứ nội dung Kế "
            "hoạch này xây dựng kế hoạch thực hiện năm 2024 và báo cáo kết quả thực hiện về "
            "UBND thị trấn.",
        ),
        (
            "Theo dõi, đôn đốc và tổng hợp báo cáo Ủy ban nhân dân thị trấn",
            "2. Giao công chức Văn phòng Đảng uỷ - nội vụ tham mưu, theo dõi, đôn đốc việc tổ "
            "chức thực hiện các nội dung theo Kế hoạch và tổng hợp báo cáo Ủy ban nhân dân "
            "thị trấn theo quy định.",
        ),
    ],
    "recipients": "- Phòng Nội vụ;\n"
    "- Thường trực Đảng ủy;\n"
    "- Thường trực HĐND thị trấn;\n"
    "- Chủ tịch, các PCT UBND thị trấn;\n"
    "- Khối Dân vận Đảng ủy;\n"
    "- MTTQ, các đoàn thể CT-XH thị trấn;\n"
    "- Lưu: VT.",
    "closing": "Trên đây là Kế hoạch thực hiện dân chủ ở cơ sở năm 2024, yêu cầu các tổ chức, cá "
    "nhân có liên quan nghiêm túc triển khai thực hiện./.",
}
