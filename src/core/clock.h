// The wall clock, behind a seam so tests can fix "now". Times are UTC, ISO 8601 with
// milliseconds ("2025-03-01T08:30:00.123Z"); today's date is the date in China (UTC+8),
// since statutory periods run on Beijing time.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace fazhi {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

// The process-wide clock: the system clock unless a test installed another.
const Clock& clock();
// Installs `c` (not owned; nullptr restores the system clock). For tests, and for the demo
// generator, which stamps the demo city's records with the demo's own dates.
void set_clock_for_testing(const Clock* c);

// now() as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string utc_timestamp();
std::string utc_timestamp(std::chrono::system_clock::time_point t);
// Today's date in China (UTC+8) as "YYYY-MM-DD".
std::string china_today();
// Seconds since the Unix epoch.
std::int64_t unix_seconds();

}  // namespace fazhi
