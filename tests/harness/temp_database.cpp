#include "harness/temp_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace fazhi::testing {
namespace {

std::string run_capture(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  std::array<char, 512> buf{};
  while (fgets(buf.data(), buf.size(), p)) out += buf.data();
  int rc = pclose(p);
  if (rc != 0) throw std::runtime_error(command + " failed: " + out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

struct PrivateCluster {
  std::string uri;
  std::string dir;
  ~PrivateCluster() {
    if (!dir.empty()) std::system(("bash " FAZHI_HARNESS_DIR "/postgres-cluster.sh stop '" + dir + "'").c_str());
  }
};

void admin_exec(const std::string& sql) {
  PGconn* c = PQconnectdb(postgres_server_uri().c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string m = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("test PostgreSQL unreachable: " + m);
  }
  PGresult* r = PQexec(c, sql.c_str());
  bool good = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string m = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!good) throw std::runtime_error(sql + ": " + m);
}

}  // namespace

std::vector<std::string> all_backends() {
  return {"sqlite", "postgres"};
}

const std::string& postgres_server_uri() {
  static std::once_flag once;
  static std::string uri;
  static PrivateCluster cluster;
  std::call_once(once, [] {
    if (const char* env = std::getenv("FAZHI_TEST_PG_URI"); env && *env) {
      uri = env;
      return;
    }
    uri = run_capture("bash " FAZHI_HARNESS_DIR "/postgres-cluster.sh start");
    auto host = uri.find("host=");
    auto amp = uri.find('&', host);
    cluster.dir = uri.substr(host + 5, amp - host - 5);
    cluster.uri = uri;
  });
  return uri;
}

std::string postgres_database_uri(const std::string& name) {
  std::string base = postgres_server_uri();
  auto slash = base.find("/postgres?");
  return base.substr(0, slash) + "/" + name + base.substr(slash + 9);
}

TempDatabase::TempDatabase(const std::string& backend) : backend_(backend) {
  static std::atomic<int> counter{0};
  if (backend == "sqlite") {
    char tmpl[] = "/tmp/fazhi-test.XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    location_ = dir_ + "/test.db";
  } else if (backend == "postgres") {
    pg_name_ = "fz_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    admin_exec("CREATE DATABASE " + pg_name_ +
               " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    location_ = postgres_database_uri(pg_name_);
  } else {
    throw std::runtime_error("unknown backend " + backend);
  }
}

TempDatabase::~TempDatabase() {
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
  if (!pg_name_.empty()) {
    try {
      admin_exec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
    } catch (...) {
    }
  }
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/fazhi-dir.XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}
TempDir::~TempDir() {
  std::filesystem::remove_all(path_);
}

}  // namespace fazhi::testing
