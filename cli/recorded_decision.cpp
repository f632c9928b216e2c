#include "recorded_decision.hpp"

#include "render/render_decisions.hpp"

namespace competition::cli {

int record_and_print(const GlobalOptions& g, const std::string& format, Store& store, const DecisionRequest& request) {
  RecordedDecision r = record_decision(store, g.round_id(), request);
  note_changes_recorded(g);
  emit(g, format == "json" ? render_recorded_json(r) : render_recorded_text(r, g.lang()), controls_of(format));
  inform(g, recorded_hint(r, g.lang()));
  return 0;
}

}  // namespace competition::cli
