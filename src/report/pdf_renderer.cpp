#include "report/pdf_renderer.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "report/html_renderer.h"

extern char** environ;

namespace fazhi {
namespace {

// A private folder removed when done.
struct TempFolder {
  std::filesystem::path path;
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fazhi-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data())) path = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

Result<std::string> render_pdf(const ReportDocument& doc, std::string chromium) {
  if (chromium.empty()) {
    const char* env = std::getenv("FAZHI_CHROMIUM");
    chromium = env && *env ? env : "chromium";
  }
  TempFolder folder;
  if (folder.path.empty()) return unavailable("PDF 文件", "无法建立临时目录，请检查 TMPDIR 是否可写");
  std::filesystem::path html = folder.path / "report.html", pdf = folder.path / "report.pdf",
                        log = folder.path / "chromium.log";
  {
    std::ofstream out(html, std::ios::binary);
    out << render_html(doc, HtmlLayout::kPrint);
    if (!out) return unavailable("PDF 文件", "无法写入临时文件 " + html.string());
  }
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-background-networking",
                                   "--disable-extensions",
                                   "--no-first-run",
                                   "--user-data-dir=" + (folder.path / "profile").string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + pdf.string(),
                                   "file://" + html.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    return unavailable("PDF 文件", "找不到 " + chromium + "，请安装 chromium（apt-get install chromium）");
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::ifstream in(pdf, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.str().size() < 5) {
    std::ifstream l(log);
    std::string tail((std::istreambuf_iterator<char>(l)), std::istreambuf_iterator<char>());
    if (tail.size() > 400) tail = tail.substr(tail.size() - 400);
    return unavailable("PDF 文件", "chromium 生成 PDF 失败：" + tail);
  }
  return bytes.str();
}

}  // namespace fazhi
