// Throwaway databases for tests, on either backend. The PostgreSQL server is the one named
// by FAZHI_TEST_PG_URI (scripts/test.sh starts one cluster for the whole run); when it is
// unset, the first use starts a private cluster with tests/harness/postgres-cluster.sh and
// stops it at exit. No test is skipped for want of a server: failing to start one fails.
#pragma once

#include <string>
#include <vector>

namespace fazhi::testing {

// "sqlite" and "postgres": the backends every store test runs on.
std::vector<std::string> all_backends();

// A fresh, empty database on `backend`, removed again on destruction.
class TempDatabase {
 public:
  explicit TempDatabase(const std::string& backend);
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  // What to pass as --db: a file path or a postgresql:// URI.
  const std::string& location() const { return location_; }
  const std::string& backend() const { return backend_; }

 private:
  std::string backend_;
  std::string location_;
  std::string dir_;      // SQLite: the temporary folder
  std::string pg_name_;  // PostgreSQL: the database name
};

// A temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The URI of the test PostgreSQL server's maintenance database.
const std::string& postgres_server_uri();
// A URI for database `name` on the test server.
std::string postgres_database_uri(const std::string& name);

}  // namespace fazhi::testing
