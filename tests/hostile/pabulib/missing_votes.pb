META
key;value
description;Hostile PB
country;Ukraine
unit;Test
instance;2021
num_projects;2
num_votes;2
budget;1000
vote_type;approval
rule;greedy
currency;UAH
PROJECTS
project_id;cost;votes;name;category;selected
1;600;2;Парк;green;1
2;500;1;Дорога;roads;0
