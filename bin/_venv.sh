# Shared by bin/start and bin/test: a virtual environment with coso installed in it.
PYTHON_BIN="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  echo "› Tạo môi trường Python (.venv) bằng $PYTHON_BIN"
  "$PYTHON_BIN" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
echo "› Cài đặt coso và các thư viện ($1)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$1]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import coso, django" || { echo "Cài đặt thất bại" >&2; exit 1; }
