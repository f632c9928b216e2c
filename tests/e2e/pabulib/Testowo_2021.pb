META
key;value
description;District PB in Testowo
country;Poland
unit;Testowo
instance;2021
num_projects;4
num_votes;5
budget;1000
vote_type;approval
rule;greedy
date_begin;01.06.2020
currency;PLN
PROJECTS
project_id;cost;votes;name;category;selected
T.1/21;600;4;"Park ""Zielony""; trees";urban greenery,environmental protection;1
T.2/21;500;3;Library;education;0
T.3/21;400;3;Bench;public space;1
T.4/21;50;0;Sign;;0
VOTES
voter_id;vote;age;sex
1;T.1/21,T.2/21,T.3/21;31;M
2;T.1/21,T.2/21;45;F
3;T.1/21,T.3/21;22;F
4;T.1/21,T.2/21,T.3/21;67;M
5;;30;F
