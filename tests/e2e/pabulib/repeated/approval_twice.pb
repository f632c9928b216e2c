META
key;value
description;Approval with a repeated project
instance;2022
budget;1000
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;name
1;600;2;Park
2;500;1;Library
VOTES
voter_id;vote
37051;1,2,2
37052;1
