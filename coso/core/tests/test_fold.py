from coso.core.text import fold


def test_fold_drops_diacritics_and_maps_d():
    assert fold("Đảng ủy Thanh Miện") == "dang uy thanh mien"


def test_fold_normalises_case_and_spaces():
    assert fold("  THỊ TRẤN   Thanh  Miện ") == "thi tran thanh mien"


def test_fold_handles_precomposed_and_decomposed_forms():
    decomposed = "Hu\u0065\u0302\u0301"  # "Huế" typed with combining marks
    assert fold(decomposed) == fold("Huế") == "hue"
