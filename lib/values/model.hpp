// The plain data the rules engine works on, as read from the CSV inputs or the
// store. No database or I/O here: importers and the store convert to and from these.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "values/money.hpp"
#include "values/rational.hpp"
#include "values/rules.hpp"

namespace competition {

// docs/formats.md "applications.csv"; `organisation_key` identifies the organisation
// across rounds (see values/organisation_name.hpp), `input_order` is the 1-based position at
// first import.
struct Application {
  std::string id;
  std::string organisation;
  std::string edrpou;  // 8 digits (left-padded) or empty
  Sector sector = Sector::ngo;
  std::string title;
  std::string category;
  std::vector<std::string> services;  // slugs of the services it provides, canonical (values/category_list.hpp)
  Money requested;
  Money cofinancing;
  std::int64_t planned_clients = 0;
  std::int64_t planned_jobs = 0;
  std::int64_t planned_volunteers = 0;
  std::string submitted_at;  // canonical form (dates.hpp canonical_submitted_at), or empty
  std::int64_t submitted_key =
      0;  // submitted_at normalised, as a number that sorts the same (dates.hpp); 0 when absent
  std::optional<std::int64_t> votes;
  std::int64_t input_order = 0;
  std::string organisation_key;
};

struct Reviewer {
  std::string id;
  std::string name;
  std::vector<std::string> conflicts;    // ЄДРПОУ codes or organisation names, canonical (values/conflicts.hpp)
  std::vector<std::string> categories;   // category slugs it knows, canonical (values/category_list.hpp)
  std::optional<std::int64_t> capacity;  // the most applications it takes in the round; none: no limit
};

struct Review {
  std::string application;
  std::string reviewer;
  std::vector<Rational> scores;  // in the rules' criteria order
  std::string comment;
  bool excluded = false;  // conflict of interest, --exclude-conflicts
};

struct Outcome {
  std::string application;
  std::optional<std::int64_t> clients;
  std::optional<std::int64_t> jobs;
  std::optional<std::int64_t> volunteers;
  std::optional<Money> attracted;
  std::optional<std::string> received_on;  // YYYY-MM-DD: the day the final report arrived
};

// docs/formats.md "history.csv": one published year.
struct HistoryYear {
  int year = 0;
  std::int64_t participants = 0;
  std::int64_t winners = 0;
  Money budget;
  Money attracted;
  std::int64_t clients = 0;
  std::int64_t jobs = 0;
  std::int64_t volunteers = 0;
  std::string coefficient;      // as published, may be empty
  std::string cost_per_client;  // as published, may be empty
  std::string note;
};

}  // namespace competition
