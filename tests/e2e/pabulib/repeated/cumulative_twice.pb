META
key;value
description;Cumulative with a repeated project
instance;2022
budget;1000
vote_type;cumulative
rule;greedy
PROJECTS
project_id;cost;votes;score;name
1;600;1;7;Park
2;500;1;3;Library
VOTES
voter_id;vote;points
37051;1,2,1;5,3,2
