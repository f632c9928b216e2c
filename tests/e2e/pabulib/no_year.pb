META
key;value
description;A PB that does not say when
budget;1000
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes
1;600;10
2;500;5
VOTES
voter_id;vote
a;1,2
