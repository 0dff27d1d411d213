// The small parts that say how to read a worksheet: the workbook (its sheets, in order, and
// the date system), the workbook's relationships (which part each sheet is), the styles
// (which cells are dates) and the shared string table. Internal to xlsx_reader.cpp.
#pragma once

#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/tabular/xlsx_xml.h"

namespace fazhi::tabular::xlsx {

// A sheet as xl/workbook.xml lists it.
struct SheetEntry {
  std::string name;
  std::string relationship_id;
  std::string part;  // resolved from the relationships
  bool hidden = false;
};

// xl/workbook.xml: the sheets in order and whether dates count from 1904.
class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attributes) override {
    if (name == "sheet") {
      const char* n = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");
      const char* state = attribute(attributes, "state");
      bool hidden = state != nullptr && std::string_view(state) != "visible";
      sheets.push_back({n != nullptr ? n : "", id != nullptr ? id : "", "", hidden});
    } else if (name == "workbookPr") {
      const char* v = attribute(attributes, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    }
  }
  void end(std::string_view) override {}
};

// Where a relationship points, and what kind of part it is (a URI ending "/worksheet" …).
struct Relationship {
  std::string target;
  std::string type;
};

// xl/_rels/workbook.xml.rels: relationship id → target part and type.
class RelationshipsHandler : public XmlHandler {
 public:
  std::map<std::string, Relationship> by_id;
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* target = attribute(attributes, "Target");
    const char* type = attribute(attributes, "Type");
    if (id != nullptr && target != nullptr) by_id[id] = {target, type != nullptr ? type : ""};
  }
  void end(std::string_view) override {}
};

// A relationship target relative to the folder `base_dir` ("xl/"), or absolute from the
// package root ("/xl/worksheets/sheet1.xml"), as a part name with "." and ".." resolved.
std::string resolve_target(const std::string& base_dir, const std::string& target);

// xl/styles.xml: custom number formats, and the number format of each cell style.
class StylesHandler : public XmlHandler {
 public:
  std::map<int, std::string> custom_formats;
  std::vector<int> xf_format_ids;  // cellXfs, in order: a cell's s="" indexes this
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const char* id = attribute(attributes, "numFmtId");
      const char* code = attribute(attributes, "formatCode");
      if (id != nullptr && code != nullptr) custom_formats[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(attributes, "numFmtId");
      xf_format_ids.push_back(id != nullptr ? std::atoi(id) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  bool in_cell_xfs_ = false;
};

// All strings back to back in one arena: a million of them cost one allocation, not a million.
class SharedStrings : public XmlHandler {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view at(size_t i) const {
    size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(arena_).substr(begin, ends_[i] - begin);
  }

  void start(std::string_view name, const char**) override {
    if (name == "si") {
      si_start_ = arena_.size();
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      unescape_ooxml(arena_, si_start_);
      ends_.push_back(arena_.size());
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void text(std::string_view t) override {
    if (in_text_) arena_.append(t);
  }

 private:
  std::string arena_;
  std::vector<size_t> ends_;
  size_t si_start_ = 0;
  int in_phonetic_ = 0;
  bool in_text_ = false;
};

}  // namespace fazhi::tabular::xlsx
