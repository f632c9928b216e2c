META
key;value
description;Broken
instance;2021
budget;12.345
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;name
1;12 5OO;3;A
2;500;-1;B
2;400;1;C
a b;100;1;D
VOTES
voter_id;vote
1;1,2,9
1;2
