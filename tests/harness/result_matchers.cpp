// Result matchers are header-only; this file keeps the harness a real library.
#include "harness/result_matchers.h"
