"""One settings file: every knob is read from the environment, with safe development defaults.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL (see docs/deployment.md).
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "coso-development-only-secret-key-change-me")
if not DEBUG and SECRET_KEY.startswith("coso-development"):
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

VAR_DIR = Path(env_str("COSO_VAR_DIR", str(PROJECT_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "treebeard",
    "auditlog",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "coso.core",
    "coso.units",
    "coso.library",
    "coso.plans",
    "coso.reports",
    "coso.disclosure",
    "coso.community",
    "coso.consultations",
    "coso.conventions",
    "coso.oversight",
    "coso.inspections",
    "coso.feedback",
    "coso.meetings",
    "coso.propaganda",
    "coso.recognition",
    "coso.importer",
    "coso.portal",
    "coso.dashboard",
    "coso.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coso.core.middleware.RejectNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "coso.urls"
WSGI_APPLICATION = "coso.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "coso.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'coso.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default keeps its file under var/, which a fresh clone does not have yet.
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the worker write while pages read; a busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file, not Django's in-memory default: the live server's threads then get
    # connections of their own and meet SQLite's real locking, as production does.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("COSO_TEST_DB_NAME")
        or str(Path(tempfile.gettempdir()) / f"coso-test-{os.getpid()}.sqlite3")
    }
else:
    # Lets several test runs share one PostgreSQL server without dropping each other's database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("COSO_TEST_DB_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates are shown and entered as dd/mm/yyyy whatever the language.
FORMAT_MODULE_PATH = ["coso.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(PROJECT_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# One cache shared by every worker process, in the database: the public forms' rate limits
# must count a visitor's posts across workers. Its table is made by a migration of core.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "coso_cache",
    }
}
# Behind N reverse proxies, the visitor's address is the N-th from the right of
# X-Forwarded-For (coso.core.ratelimit); 0 reads REMOTE_ADDR.
COSO_TRUSTED_PROXY_COUNT = env_int("COSO_TRUSTED_PROXY_COUNT", 0)

# Public feedback form: posts and tracking-code lookups per client address per 10 minutes.
COSO_FEEDBACK_SUBMIT_LIMIT = env_int("COSO_FEEDBACK_SUBMIT_LIMIT", 10)
COSO_FEEDBACK_LOOKUP_LIMIT = env_int("COSO_FEEDBACK_LOOKUP_LIMIT", 60)

# Uploads: evidence files are office documents, PDFs and photos.
COSO_MAX_UPLOAD_BYTES = env_int("COSO_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = COSO_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "coso <no-reply@localhost>")

# Background work: the database-backed queue needs nothing extra on one machine.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
COSO_REMINDER_INTERVAL_SECONDS = env_int("COSO_REMINDER_INTERVAL_SECONDS", 3600)
# Jobs `coso worker` runs every COSO_REMINDER_INTERVAL_SECONDS (each re-enqueues itself).
COSO_PERIODIC_TASKS = [
    "coso.plans.tasks.send_reminders",
    "coso.reports.tasks.send_report_reminders",
    "coso.reports.tasks.roll_over_requirements",
    "coso.inspections.tasks.send_reminders",
    "coso.feedback.tasks.send_feedback_reminders",
    "coso.oversight.tasks.send_reminders",
    "coso.meetings.tasks.send_reminders",
    "coso.meetings.obligation_tasks.send_obligation_reminders",
    "coso.propaganda.tasks.send_reminders",
]
# Functions that count what coso recorded for a report (coso.reports.figures), by dotted path.
COSO_REPORT_FIGURES = [
    "coso.disclosure.figures.report_figures",
    "coso.community.figures.report_figures",
    "coso.oversight.figures.report_figures",
    "coso.inspections.figures.report_figures",
    "coso.feedback.figures.report_figures",
    "coso.meetings.figures.report_figures",
    "coso.propaganda.figures.report_figures",
    "coso.recognition.figures.report_figures",
]
# Public address of the site, so links in reminder e-mails are absolute (e.g. https://coso.example.vn).
COSO_BASE_URL = env_str("COSO_BASE_URL", "")

AUDITLOG_LOGENTRY_MODEL = "core.AuditEntry"
AUDITLOG_INCLUDE_ALL_MODELS = False

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
