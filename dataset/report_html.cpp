// The report is computed from the database alone. Plots are horizontal bar charts drawn as SVG
// by one function (stacked segments per row, a legend), so every plot reads the same way. The
// table is plain HTML (readable without JavaScript); a small inline script filters it by text,
// verdict and design, and takes an initial filter from the URL (#verdict=killed&design=alu).

#include "dataset/report_html.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/source.h"
#include "core/text.h"
#include "core/verdict.h"

namespace veriloop {

namespace {

std::string esc(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

const std::map<std::string, std::string>& verdictColors()
{
    static const std::map<std::string, std::string> colors = {
        {"killed", "#c0392b"},   {"nonequivalent", "#e67e22"}, {"equivalent", "#27ae60"},
        {"survived", "#7f8c8d"}, {"invalid", "#8e44ad"},       {"timeout", "#2c3e50"},
        {"pending", "#d5d8dc"}};
    return colors;
}

std::string colorFor(const std::string& key, size_t index)
{
    static const char* palette[] = {"#2e86c1", "#c0392b", "#27ae60", "#e67e22", "#8e44ad",
                                    "#16a085", "#d4ac0d", "#7f8c8d", "#2c3e50", "#a93226"};
    auto it = verdictColors().find(key);
    return it != verdictColors().end() ? it->second : palette[index % 10];
}

struct BarRow {
    std::string label;
    std::vector<std::pair<std::string, double>> segments;  // series name, value
    std::string note;                                       // right of the bar
};

// A horizontal bar chart: one row per BarRow, segments stacked in series order.
std::string barChart(const std::string& id, const std::string& title, const std::vector<BarRow>& rows,
                     const std::vector<std::string>& series, const std::string& unit = "")
{
    const int labelW = 190, barW = 560, rowH = 18, top = 28;
    double maxTotal = 0;
    for (const auto& r : rows) {
        double t = 0;
        for (const auto& [s, v] : r.segments) t += v;
        maxTotal = std::max(maxTotal, t);
    }
    const int legendH = series.size() > 1 ? 22 : 0;
    const int height = top + static_cast<int>(rows.size()) * rowH + legendH + 10;
    std::string svg = fmt::format(
        "<figure id=\"{}\"><svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" "
        "height=\"{}\" role=\"img\" aria-label=\"{}\"><text x=\"0\" y=\"16\" class=\"title\">{}</text>\n",
        id, labelW + barW + 120, height, esc(title), esc(title));
    for (size_t i = 0; i < rows.size(); ++i) {
        const int y = top + static_cast<int>(i) * rowH;
        svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", labelW - 6, y + 13,
                           esc(oneLine(rows[i].label, 30)));
        double x = labelW, total = 0;
        for (const auto& [name, value] : rows[i].segments) {
            const double w = maxTotal > 0 ? value / maxTotal * barW : 0;
            const size_t si = std::find(series.begin(), series.end(), name) - series.begin();
            if (w > 0)
                svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\">"
                                   "<title>{}: {} {}{}</title></rect>",
                                   x, y + 2, w, rowH - 4, colorFor(name, si), esc(rows[i].label), esc(name),
                                   value, unit);
            x += w;
            total += value;
        }
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"note\">{}</text>\n", x + 4, y + 13,
                           esc(rows[i].note.empty() ? fmt::format("{:g}{}", total, unit) : rows[i].note));
    }
    if (series.size() > 1) {
        double x = labelW;
        const int y = top + static_cast<int>(rows.size()) * rowH + 8;
        for (size_t i = 0; i < series.size(); ++i) {
            svg += fmt::format("<rect x=\"{:.0f}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                               "<text x=\"{:.0f}\" y=\"{}\">{}</text>",
                               x, y, colorFor(series[i], i), x + 14, y + 9, esc(series[i]));
            x += 24 + 7.0 * series[i].size();
        }
    }
    return svg + "</svg></figure>\n";
}

struct Sample {
    std::string design, id, op, bugClass, verdict, evidenceKind, engine, where, description, diff, evidence;
    double seconds = 0;
};

std::vector<std::string> verdictSeries()
{
    std::vector<std::string> s;
    for (Verdict v : kAllVerdicts) s.push_back(std::string(verdictName(v)));
    s.push_back("pending");
    return s;
}

std::vector<BarRow> countsBy(const std::vector<Sample>& samples,
                             const std::function<std::string(const Sample&)>& key)
{
    std::map<std::string, std::map<std::string, double>> by;
    for (const auto& s : samples) by[key(s)][s.verdict] += 1;
    std::vector<BarRow> rows;
    for (const auto& [k, counts] : by) {
        BarRow r{k, {}, {}};
        for (const auto& v : verdictSeries())
            if (auto it = counts.find(v); it != counts.end()) r.segments.push_back({v, it->second});
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string samplesTable(const std::vector<Sample>& samples, size_t max)
{
    std::string rows;
    for (size_t i = 0; i < samples.size() && i < max; ++i) {
        const Sample& s = samples[i];
        rows += fmt::format(
            "<tr class=\"sample\" data-verdict=\"{}\" data-design=\"{}\"><td>{}</td><td>{}</td><td>{}</td>"
            "<td class=\"v-{}\">{}</td><td>{}</td><td>{}</td><td><details><summary>{}</summary>"
            "<pre class=\"diff\">{}</pre><pre class=\"evidence\">{}</pre><div class=\"id\">{}</div></details></td></tr>\n",
            esc(s.verdict), esc(s.design), esc(s.design), esc(s.where), esc(s.op), esc(s.verdict), esc(s.verdict),
            esc(s.evidenceKind), esc(s.bugClass), esc(s.description), esc(s.diff), esc(s.evidence), esc(s.id));
    }
    return rows;
}

constexpr const char* kStyle = R"(body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b2631}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}svg.plot text{font:12px sans-serif;fill:#1b2631}
svg.plot text.title{font-weight:bold;font-size:13px}svg.plot text.note{fill:#566573}
figure{margin:8px 0 18px 0}.summary td{padding:2px 12px 2px 0}table.samples{border-collapse:collapse;width:100%}
table.samples th,table.samples td{border-bottom:1px solid #e5e8e8;padding:3px 6px;text-align:left;vertical-align:top}
pre{background:#f8f9f9;padding:6px;overflow:auto;max-width:900px;font-size:12px}.id{color:#7f8c8d;font-size:11px}
.v-killed,.v-nonequivalent{color:#c0392b}.v-equivalent{color:#27ae60}.controls{margin:8px 0}
.controls input,.controls select{margin-right:10px}.warn{color:#a04000})";

constexpr const char* kScript = R"(
(function () {
  var text = document.getElementById('filter-text');
  var verdict = document.getElementById('filter-verdict');
  var design = document.getElementById('filter-design');
  var shown = document.getElementById('shown');
  function apply() {
    var t = text.value.toLowerCase(), v = verdict.value, d = design.value, n = 0;
    var rows = document.querySelectorAll('tr.sample');
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!v || r.dataset.verdict === v) && (!d || r.dataset.design === d) &&
               (!t || r.textContent.toLowerCase().indexOf(t) >= 0);
      r.style.display = ok ? '' : 'none';
      if (ok) n++;
    }
    shown.textContent = n;
  }
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.get('verdict')) verdict.value = params.get('verdict');
  if (params.get('design')) design.value = params.get('design');
  if (params.get('q')) text.value = params.get('q');
  text.addEventListener('input', apply);
  verdict.addEventListener('change', apply);
  design.addEventListener('change', apply);
  apply();
})();
)";

}  // namespace

std::string datasetReportHtml(Database& db, const ReportOptions& options)
{
    const DatasetStats stats = db.stats();
    std::vector<Sample> samples;
    for (const auto& d : db.designs()) {
        if (d.status == "skipped") continue;
        for (const auto& row : db.mutants(d.id)) {
            Sample s;
            s.design = d.name;
            s.id = row.mutant.id;
            s.op = row.mutant.operatorId;
            s.bugClass = row.mutant.bugClass;
            s.where = fmt::format("{}:{}", row.mutant.file, row.mutant.line);
            s.description = row.mutant.description;
            s.verdict = row.verdict ? std::string(verdictName(row.verdict->verdict)) : "pending";
            if (row.verdict) {
                s.evidenceKind = row.verdict->evidenceKind;
                s.engine = row.verdict->engine;
                s.seconds = row.verdict->seconds;
                auto ev = nlohmann::json::parse(row.verdict->evidence, nullptr, false);
                s.evidence = ev.is_discarded() ? row.verdict->evidence : ev.dump(1);
            }
            std::string fixed, buggy;
            for (const auto& f : d.sources)
                if (f.path == row.mutant.file) fixed = f.text;
            if (auto mutated = applyEdits(d.sources, row.mutant.edits))
                for (const auto& f : *mutated)
                    if (f.path == row.mutant.file) buggy = f.text;
            s.diff = unifiedDiff(row.mutant.file, fixed, buggy);
            samples.push_back(std::move(s));
        }
    }
    const auto series = verdictSeries();
    std::string plots;
    plots += barChart("verdicts-by-design", "Verdicts per design",
                      countsBy(samples, [](const Sample& s) { return s.design; }), series);
    plots += barChart("verdicts-by-class", "Verdicts per bug class",
                      countsBy(samples, [](const Sample& s) { return s.bugClass; }), series);
    std::map<std::string, double> evidence, seconds;
    std::map<std::string, std::pair<int, int>> byOperator;  // confirmed, decided
    for (const auto& s : samples) {
        if (s.verdict == "killed" || s.verdict == "nonequivalent") evidence[s.evidenceKind] += 1;
        if (!s.engine.empty()) seconds[s.engine] += s.seconds;
        if (s.verdict != "pending") {
            auto& [confirmed, decided] = byOperator[s.op];
            confirmed += s.verdict == "killed" || s.verdict == "nonequivalent";
            ++decided;
        }
    }
    std::vector<BarRow> evidenceRows, operatorRows, timeRows, strengthRows;
    for (const auto& [k, n] : evidence) evidenceRows.push_back({k, {{"confirmed", n}}, {}});
    plots += barChart("evidence-kinds", "What confirmed the bugs (evidence kind)", evidenceRows, {"confirmed"});
    for (const auto& [op, cd] : byOperator)
        operatorRows.push_back({op, {{"kill rate", 100.0 * cd.first / std::max(1, cd.second)}},
                                fmt::format("{:.0f}% of {}", 100.0 * cd.first / std::max(1, cd.second), cd.second)});
    plots += barChart("operator-kill-rates", "Kill rate per operator (confirmed / decided)", operatorRows,
                      {"kill rate"}, "%");
    for (const auto& [name, st] : stats.byDesign)
        strengthRows.push_back({name,
                                {{"testbench", static_cast<double>(st.byTestbench)},
                                 {"differential", static_cast<double>(st.byDifferential)},
                                 {"formal", static_cast<double>(st.byFormal)},
                                 {"rule", static_cast<double>(st.byRule)}},
                                st.weakTestbench() ? fmt::format("{} confirmed; weak testbench", st.confirmed)
                                                   : fmt::format("{} confirmed", st.confirmed)});
    plots += barChart("testbench-strength", "Who found each design's confirmed bugs (testbench strength)",
                      strengthRows, {"testbench", "differential", "formal", "rule"});
    for (const auto& [engine, s] : seconds) timeRows.push_back({engine, {{"seconds", std::round(s * 10) / 10}}, {}});
    plots += barChart("time-per-phase", "Checker time per engine (sum over mutants, seconds)", timeRows,
                      {"seconds"}, " s");

    std::set<std::string> designNames;
    for (const auto& s : samples) designNames.insert(s.design);
    std::string designOptions, verdictOptions;
    for (const auto& d : designNames) designOptions += fmt::format("<option>{}</option>", esc(d));
    for (const auto& v : series) verdictOptions += fmt::format("<option>{}</option>", esc(v));
    const auto run = db.lastRunInfo();
    auto runField = [&](const char* k) { return run.count(k) ? run.at(k) : std::string(); };
    std::string summary = fmt::format(
        "<table class=\"summary\"><tr><td>dataset</td><td>{}</td></tr><tr><td>designs</td><td>{} labeled, {} skipped</td></tr>"
        "<tr><td>mutants</td><td>{} ({} pending)</td></tr><tr><td>confirmed bugs</td><td>{}</td></tr>"
        "<tr><td>last run</td><td><code>{}</code> ({})</td></tr><tr><td>tools</td><td><code>{}</code></td></tr></table>",
        esc(options.dbPath), stats.designs, stats.designsSkipped, stats.mutants, stats.pending, stats.confirmed,
        esc(runField("command")), esc(runField("started_at")), esc(runField("tool_versions")));
    const std::string truncated =
        samples.size() > options.maxSamples
            ? fmt::format("<p class=\"warn\">The table shows the first {} of {} samples; the plots count all.</p>",
                          options.maxSamples, samples.size())
            : "";
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
        "<style>{style}</style></head><body>\n<h1>{title}</h1>\n{summary}\n<h2>Plots</h2>\n{plots}"
        "<h2>Samples</h2>{truncated}<div class=\"controls\"><input id=\"filter-text\" type=\"search\" "
        "placeholder=\"filter: text in any column\"><select id=\"filter-verdict\"><option value=\"\">all verdicts</option>"
        "{verdicts}</select><select id=\"filter-design\"><option value=\"\">all designs</option>{designs}</select>"
        "<span><span id=\"shown\">{count}</span> shown</span></div>\n<table class=\"samples\"><thead><tr><th>design</th>"
        "<th>where</th><th>operator</th><th>verdict</th><th>evidence</th><th>class</th><th>description, diff and evidence</th>"
        "</tr></thead><tbody>\n{rows}</tbody></table>\n<script>{script}</script></body></html>\n",
        fmt::arg("title", esc(options.title)), fmt::arg("style", kStyle), fmt::arg("summary", summary),
        fmt::arg("plots", plots), fmt::arg("truncated", truncated), fmt::arg("verdicts", verdictOptions),
        fmt::arg("designs", designOptions), fmt::arg("count", std::min(samples.size(), options.maxSamples)),
        fmt::arg("rows", samplesTable(samples, options.maxSamples)), fmt::arg("script", kScript));
}

}  // namespace veriloop
