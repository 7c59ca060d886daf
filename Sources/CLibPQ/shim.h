// libpq's client API, for the MigplanPostgres wrapper (the only Swift code that touches C).
#include <libpq-fe.h>
