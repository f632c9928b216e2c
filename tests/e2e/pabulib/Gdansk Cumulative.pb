META
key;value
description;"Municipal PB in Gdańsk; cumulative"
budget;1 500,50
vote_type;cumulative
rule;greedy-no-skip
date_begin;07.09.2023
PROJECTS
project_id;cost;votes;score;name
A;1000,50;2;15;Trees
B;700;1;5;Fountain
C;300;1;5;Bench
VOTES
voter_id;vote;points
1;A,B;10,5
2;A,C;5,5
