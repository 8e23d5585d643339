/**
 * Context cues for ambiguous vendor names, as data.
 *
 * Words are written lower case and without accents: the disambiguator folds
 * the page text the same way before looking them up, so "hébergeur" and
 * "hebergeur" are one cue. Multi-word cues are phrases matched on token
 * sequences ("jus d orange" covers "jus d'orange" and "jus d’orange").
 *
 * Each set says why it exists. Weights live in `senses.ts`, per alias, so one
 * set can count for one name and against another (colour words argue against
 * "Bleu" the company but say nothing about "Oracle").
 */

export interface CueSet {
	why: string;
	words: readonly string[];
	phrases?: readonly string[];
}

export const CUES = {
	cloud: {
		why: 'Hosting, infrastructure and sovereignty vocabulary: the strongest sign that a name is the cloud vendor.',
		words: [
			'cloud', 'clouds', 'nuage', 'nuages', 'hebergement', 'hebergeur', 'hebergeurs', 'heberge', 'heberger', 'hebergees',
			'hebergee', 'hosting', 'hosted', 'hyperscaler', 'hyperscalers', 'hyperscaleur', 'hyperscaleurs', 'datacenter', 'datacenters',
			'datacentre', 'datacentres', 'serveur', 'serveurs', 'server', 'servers', 'iaas', 'paas', 'saas', 'caas', 'kubernetes', 'k8s',
			'stockage', 'storage', 'souverain', 'souveraine', 'souverains', 'souveraines', 'souverainete', 'sovereign', 'sovereignty',
			'secnumcloud', 'anssi', 'hds', 'gaia', 'virtualisation', 'virtualization', 'vmware', 'openstack', 'compute', 'workloads',
			'workload', 'infrastructure', 'infrastructures', 'devops', 'api', 'apis', 'sla', 'instances', 'cluster', 'clusters',
			'migration', 'migrer', 'migrate', 'latence', 'latency', 'backup', 'sauvegarde', 'cybersecurite', 'cybersecurity', 'cyber',
			'logiciel', 'logiciels', 'software', 'plateforme', 'platform', 'donnees', 'data', 'numerique', 'digital', 'informatique',
			'dsi', 'cio', 'cto', 'licence', 'licences', 'license', 'licenses', 'microsoft', 'capgemini', 'thales', 'azure', 'aws',
			'ovhcloud', 'outscale', 'scaleway', 's3ns', 'gcp', 'ia', 'gpu', 'gpus', 'calcul', 'cdn', 'dns', 'vm', 'vms', 'ugap',
			'extraterritorial', 'extraterritoriales', 'extraterritoriale', 'fisa',
		],
		phrases: [
			'data center', 'data centers', 'data centre', 'data centres', 'centre de donnees', 'centres de donnees', 'cloud act',
			'cloud de confiance', 'cloud souverain', 'trusted cloud', 'public cloud', 'cloud public', 'private cloud', 'cloud prive',
			'appel d offres', 'public tender', 'object storage', 'machine learning', 'intelligence artificielle',
		],
	},
	company: {
		why: 'Business vocabulary: a company is meant, not a thing, a place or a colour.',
		words: [
			'entreprise', 'entreprises', 'societe', 'groupe', 'group', 'company', 'companies', 'firm', 'filiale', 'subsidiary',
			'coentreprise', 'jv', 'pdg', 'ceo', 'directeur', 'directrice', 'president', 'presidente', 'dirigeant', 'annonce', 'annonces',
			'announced', 'announces', 'announce', 'partenariat', 'partnership', 'partenaire', 'partenaires', 'partner', 'partners',
			'contrat', 'contrats', 'contract', 'contracts', 'client', 'clients', 'customer', 'customers', 'offre', 'offres', 'offer',
			'offers', 'offering', 'market', 'revenue', 'revenues', 'milliards', 'billion', 'bourse', 'actionnaire', 'actionnaires',
			'shareholder', 'shareholders', 'investissement', 'investissements', 'investment', 'investments', 'invest', 'investit',
			'acquisition', 'rachat', 'rachete', 'acquired', 'fusion', 'merger', 'salaries', 'employees', 'concurrent', 'concurrents',
			'competitor', 'competitors', 'rival', 'rivals', 'fournisseur', 'fournisseurs', 'provider', 'providers', 'vendor', 'vendors',
			'supplier', 'suppliers', 'prestataire', 'prestataires', 'operateur', 'operateurs', 'operator', 'operators', 'strategie',
			'strategy', 'commercial', 'commerciale', 'lance', 'lancement', 'launch', 'launched', 'launches', 'sas', 'inc', 'ltd', 'gmbh',
			'plc', 'corp', 'corporation', 'telecom', 'telecoms', 'telecommunications',
		],
		phrases: ['joint venture', 'chiffre d affaires', 'mise en service', 'a annonce', 'a signe', 'has signed', 'said in a statement'],
	},
	telecom: {
		why: 'Orange the operator: the product owner counts the company Orange as orange-business, mobile news included.',
		words: [
			'forfait', 'forfaits', 'abonnes', 'abonne', 'abonnement', 'abonnements', 'subscribers', 'subscriber', 'mobile', 'mobiles',
			'5g', '4g', 'fibre', 'fiber', 'reseau', 'reseaux', 'network', 'networks', 'livebox', 'sfr', 'bouygues', 'freebox', 'antenne',
			'antennes', 'roaming', 'smartphone', 'smartphones', 'arcep', 'telephonie', 'operateur', 'operator', 'heydemann', 'sosh',
			'wholesale', 'broadband', 'internet', 'cyberdefense', 'cyberdefence', 'vodafone', 'proximus', 'telefonica', 'iliad',
		],
		phrases: ['christel heydemann', 'stephane richard', 'orange business', 'orange cyberdefense', 'orange bank', 'orange france'],
	},
	food: {
		why: 'Fruit, juice and cooking: "jus d’orange", "orange juice", "cordon bleu", cheeses.',
		words: [
			'jus', 'juice', 'juices', 'fruit', 'fruits', 'agrume', 'agrumes', 'citrus', 'zeste', 'zest', 'peel', 'pulpe', 'pulp',
			'pressee', 'pressees', 'squeezed', 'marmelade', 'marmalade', 'confiture', 'jam', 'gateau', 'cake', 'recette', 'recettes',
			'recipe', 'recipes', 'sucre', 'sugar', 'vitamine', 'vitamines', 'vitamin', 'pamplemousse', 'grapefruit', 'citron', 'citrons',
			'lemon', 'lemons', 'mandarine', 'clementine', 'tangerine', 'verger', 'orchard', 'orangeraie', 'canard', 'duck', 'dessert',
			'desserts', 'salade', 'salad', 'pomme', 'pommes', 'apple', 'apples', 'banane', 'banana', 'kiwi', 'boisson', 'drink', 'drinks',
			'cocktail', 'fromage', 'fromages', 'cheese', 'cheeses', 'cuisine', 'cooking', 'cook', 'ingredients', 'oven', 'cuillere',
			'spoon', 'kcal', 'calories', 'veau', 'poulet', 'chicken', 'jambon', 'ham', 'escalope', 'pane', 'fromager', 'lait', 'milk',
			'vin', 'wine', 'biere', 'beer', 'sirop', 'syrup', 'liqueur', 'sorbet', 'crepes', 'brioche', 'gouter', 'dejeuner', 'breakfast',
			'aoc', 'affinage', 'moisissures', 'persille', 'roquefort', 'vegetable', 'legumes', 'saveur', 'flavour',
		],
		phrases: ['jus d orange', 'orange juice', 'cordon bleu', 'cordons bleus', 'bleu d auvergne', 'bleu de bresse', 'bleu des causses', 'bleu de gex', 'canard a l orange'],
	},
	colour: {
		why: 'Colour words: "bleu" and "orange" are colours, "azure" is a colour in English.',
		words: [
			'couleur', 'couleurs', 'colour', 'colours', 'color', 'colors', 'teinte', 'teintes', 'shade', 'shades', 'hue', 'rouge', 'vert',
			'verte', 'jaune', 'yellow', 'blue', 'violet', 'purple', 'rose', 'pink', 'noir', 'noire', 'blanc', 'blanche', 'gris', 'grey',
			'gray', 'marron', 'brown', 'fonce', 'pale', 'pastel', 'vif', 'peinture', 'paint', 'painted', 'pantone', 'rgb', 'robe',
			'dress', 'chemise', 'shirt', 'sweater', 'yeux', 'eyes', 'cheveux', 'hair', 'ciel', 'sky', 'skies', 'mer', 'sea', 'seas',
			'ocean', 'oceans', 'eau', 'eaux', 'water', 'waters', 'horizon', 'coucher', 'sunset', 'lumiere', 'flamme', 'flame',
			'turquoise', 'indigo', 'marine', 'cobalt', 'outremer', 'lagon', 'lagoon', 'vetement', 'vetements', 'tenue', 'maillot',
			'jeans', 'denim', 'drapeau', 'tricolore', 'teint', 'peindre', 'pinceau', 'toile', 'tableau', 'palette', 'pigment', 'encre',
			'ink', 'heraldry', 'heraldique', 'blason', 'gules', 'tint', 'glowing', 'brillant', 'sombre',
		],
		phrases: ['bleu blanc rouge', 'bleu marine', 'bleu ciel', 'bleu roi', 'bleu nuit', 'bleu clair', 'bleu fonce', 'bleu de travail', 'bleu de chauffe', 'bleu horizon', 'bleu de france', 'bleu canard', 'bleu petrole', 'bleu turquoise'],
	},
	townOfOrange: {
		why: 'The town of Orange in Vaucluse, its Roman theatre and festival, and other places or houses named Orange.',
		words: [
			'vaucluse', 'choregies', 'caritat', 'arausio', 'orangeois', 'orangeoise', 'orangeois', 'nassau', 'orangiste', 'orangism',
			'ulster', 'dioxin', 'dioxine', 'defoliant', 'kubrick', 'mecanique', 'clockwork', 'bowl', 'namibie', 'namibia', 'carpentras',
			'avignon', 'latin', 'romains', 'romain', 'roman', 'romans', 'legionnaires', 'veterans', 'colonie',
		],
		phrases: [
			'orange county', 'orange river', 'free state', 'etat libre', 'agent orange', 'house of orange', 'maison d orange',
			'prince of orange', 'prince d orange', 'william of orange', 'guillaume d orange', 'orange order', 'orange is the new black',
			'orange mecanique', 'clockwork orange', 'theatre antique', 'arc de triomphe', 'ville d orange', 'base aerienne',
		],
	},
	place: {
		why: 'Weak signs of a place: a town, its mayor and inhabitants. Weak because operators and providers are in local news too.',
		words: [
			'ville', 'town', 'city', 'commune', 'habitants', 'inhabitants', 'maire', 'mayor', 'municipal', 'municipale', 'county', 'comte',
			'californie', 'california', 'texas', 'floride', 'florida', 'jersey', 'australia', 'australie', 'nsw', 'provence', 'rhone',
			'theatre', 'prince', 'princes', 'tourisme', 'touristes',
		],
		phrases: ['cote d azur', 'french riviera'],
	},
	parentGroup: {
		why: 'Amazon, Google or Alibaba as a whole group or a consumer brand, which our labels do not count as the cloud vendor.',
		words: [
			'geant', 'giant', 'commerce', 'ecommerce', 'retail', 'retailer', 'marchand', 'website', 'alexa', 'snapchat', 'fortnite',
			'netflix', 'spotify', 'facebook', 'instagram', 'whatsapp', 'tiktok', 'youtube', 'consommateurs', 'consumers', 'bezos',
			'phone', 'phones', 'iphone', 'android', 'apple', 'smartphone', 'smartphones',
		],
		phrases: ['e commerce', 'commerce en ligne', 'vente en ligne', 'le groupe', 'the group', 'operating system', 'systeme d exploitation', 'own website'],
	},
	river: {
		why: 'The Amazon river and rainforest.',
		words: [
			'fleuve', 'river', 'riviere', 'foret', 'forest', 'forests', 'rainforest', 'jungle', 'amazonie', 'amazonia', 'amazonian',
			'basin', 'bassin', 'bresil', 'brazil', 'brazilian', 'bresilien', 'perou', 'peru', 'colombie', 'colombia', 'manaus', 'belem',
			'deforestation', 'indigenous', 'indigenes', 'autochtones', 'tribe', 'tribes', 'tribu', 'tribus', 'biodiversite',
			'biodiversity', 'species', 'especes', 'rio', 'crue', 'peche', 'fishing', 'canoe', 'expedition', 'explorateur', 'dauphin',
			'dolphin', 'piranha', 'arbres', 'trees', 'wildlife', 'faune', 'flore', 'ecosystem', 'ecosysteme', 'wetlands', 'tropical',
			'tropicale', 'bolsonaro', 'lula', 'orellana', 'incendies',
		],
		phrases: ['amazon rainforest', 'amazon river', 'amazon basin', 'foret amazonienne', 'la foret', 'the forest'],
	},
	shop: {
		why: 'Amazon the shop: the product owner does not count the retailer as AWS.',
		words: [
			'prime', 'livraison', 'livraisons', 'book', 'books', 'kindle', 'alexa', 'colis', 'parcel', 'parcels', 'panier', 'cart',
			'vendeur', 'vendeurs', 'seller', 'sellers', 'ecommerce', 'retailer', 'retailers', 'shopping', 'shop', 'boutique', 'magasin',
			'magasins', 'soldes', 'promo', 'discount', 'livreur', 'livreurs', 'audible', 'twitch', 'fulfillment', 'consommateurs',
			'consumers', 'libraires', 'libraire', 'bookseller', 'gift', 'cadeau', 'unboxing', 'fnac', 'cdiscount', 'walmart', 'ebay',
			'temu', 'shein', 'aliexpress', 'achete', 'achetee', 'achetes', 'achetez', 'librairie', 'bought',
		],
		phrases: ['e commerce', 'black friday', 'prime video', 'prime day', 'amazon prime', 'amazon fr', 'add to cart', 'en vente sur'],
	},
	myth: {
		why: 'Mythology, antiquity and prophecy: the oracle of Delphi, Delos the sacred island, the Amazons.',
		words: [
			'mythology', 'mythologie', 'myth', 'myths', 'mythe', 'mythes', 'grec', 'grecque', 'grecs', 'greek', 'greeks', 'grece',
			'greece', 'dieu', 'dieux', 'god', 'gods', 'goddess', 'deesse', 'apollon', 'apollo', 'artemis', 'zeus', 'temple', 'temples',
			'sanctuaire', 'sanctuary', 'antique', 'ancient', 'antiquite', 'antiquity', 'pythie', 'pythia', 'delphes', 'delphi',
			'prophetie', 'prophecy', 'prophecies', 'prophete', 'prophet', 'divination', 'oracles', 'sibylle', 'sibyl', 'legende', 'heros',
			'hercule', 'heracles', 'homere', 'homer', 'archeologie', 'archaeology', 'archaeological', 'archeologique', 'ruines', 'ruins',
			'fouilles', 'excavations', 'delian', 'leto', 'latone', 'pelerinage', 'pilgrimage', 'seer', 'voyante', 'matrix', 'morpheus',
			'omaha', 'buffett', 'soothsayer', 'riddle', 'westworld', 'hbo', 'androids', 'androides',
		],
		phrases: ['oracle of delphi', 'oracle de delphes', 'oracle of omaha', 'ligue de delos', 'delian league', 'delos destinations', 'delos inc', 'delos living'],
	},
	island: {
		why: 'Islands and holidays: Aruba in the Caribbean, Delos in the Cyclades.',
		words: [
			'ile', 'iles', 'island', 'islands', 'caraibes', 'caribbean', 'plage', 'plages', 'beach', 'beaches', 'vacances', 'vacation',
			'vacations', 'holiday', 'holidays', 'tourisme', 'tourism', 'touristes', 'tourists', 'touristique', 'oranjestad', 'curacao',
			'bonaire', 'antilles', 'croisiere', 'cruise', 'hotel', 'hotels', 'resort', 'resorts', 'flight', 'flights', 'soleil', 'sunny',
			'snorkeling', 'plongee', 'diving', 'neerlandais', 'neerlandaise', 'venezuela', 'cyclades', 'mykonos', 'ferry', 'bateau',
			'boat', 'sable', 'sand', 'palm', 'palmiers', 'cocktails', 'paradise', 'paradis', 'florin', 'papiamento',
		],
		phrases: ['one happy island', 'mer des caraibes', 'caribbean sea'],
	},
	networking: {
		why: 'HPE Aruba Networking, a different company from Aruba S.p.A., the Italian cloud provider.',
		words: [
			'hpe', 'hewlett', 'packard', 'wifi', 'wlan', 'lan', 'clearpass', 'airwave', 'switches', 'commutateur', 'commutateurs', 'wan',
			'sase', 'juniper', 'cisco', 'meraki',
		],
		phrases: ['aruba networks', 'aruba networking', 'hpe aruba', 'access point', 'access points', 'point d acces', 'points d acces', 'instant on', 'aruba central', 'wi fi'],
	},
	sport: {
		why: 'Sport: "les Bleus" and the "Bleu" jersey mean the French teams.',
		words: [
			'equipe', 'football', 'rugby', 'handball', 'basket', 'matchs', 'matches', 'coupe', 'cup', 'selectionneur', 'deschamps',
			'buts', 'stade', 'stadium', 'supporters', 'fans', 'victoire', 'defaite', 'mondial', 'olympiques', 'olympic', 'medaille',
			'medal', 'tournoi', 'tournament', 'entraineur', 'cycliste', 'maillot',
		],
		phrases: ['coupe du monde', 'world cup', 'jeux olympiques', 'equipe de france', 'xv de france'],
	},
	search: {
		why: 'Google the search engine and consumer apps: the product owner does not count them as Google Cloud.',
		words: [
			'recherche', 'recherches', 'rechercher', 'search', 'searches', 'searched', 'searching', 'moteur', 'engine', 'resultats',
			'results', 'requete', 'requetes', 'query', 'queries', 'seo', 'referencement', 'ranking', 'rankings', 'classement', 'maps',
			'itineraire', 'directions', 'chrome', 'navigateur', 'browser', 'android', 'youtube', 'pixel', 'translate', 'traduction',
			'traducteur', 'scholar', 'actualites', 'adsense', 'adwords', 'ads', 'publicite', 'publicites', 'advertising', 'advertisers',
			'annonceurs', 'antitrust', 'amende', 'fined', 'doodle', 'trends', 'smartphone', 'internautes', 'cookies', 'tracking',
			'pagerank', 'clic', 'clics', 'click', 'clicks', 'typed', 'tape', 'taper', 'wikipedia', 'bing', 'yahoo', 'qwant', 'duckduckgo',
			'ecosia',
		],
		phrases: ['moteur de recherche', 'search engine', 'google maps', 'google search', 'google chrome', 'google play', 'google translate', 'google earth', 'google images', 'google news', 'street view', 'google it', 'google scholar', 'google doodle'],
	},
	folktale: {
		why: 'Ali Baba and the forty thieves.',
		words: ['voleurs', 'thieves', 'quarante', 'forty', 'sesame', 'conte', 'contes', 'tale', 'tales', 'caverne', 'cave', 'tresor', 'treasure', 'nuits', 'nights', 'schehérazade', 'scheherazade', 'ali', 'aladin', 'aladdin', 'sinbad'],
		phrases: ['mille et une nuits', 'arabian nights', 'ouvre toi', 'open sesame'],
	},
	mail: {
		why: 'Email and calendar vocabulary: "Outlook" the Microsoft product rather than an outlook on the economy.',
		words: ['email', 'emails', 'mail', 'mails', 'courriel', 'courriels', 'messagerie', 'inbox', 'calendar', 'calendrier', 'outage', 'panne', 'pannes', 'microsoft', 'office', 'exchange', 'gmail', 'thunderbird', 'imap', 'smtp', 'webmail'],
		phrases: ['boite de reception', 'boite mail'],
	},
	meetings: {
		why: 'Meetings and chat: "Teams" the Microsoft product rather than sports or work teams.',
		words: ['reunion', 'reunions', 'meeting', 'meetings', 'visio', 'visioconference', 'videoconference', 'videoconferencing', 'call', 'calls', 'appel', 'appels', 'chat', 'zoom', 'slack', 'webex', 'microsoft', 'office', 'messagerie', 'teletravail', 'remote'],
		phrases: ['google meet', 'microsoft 365', 'office 365'],
	},
	serverless: {
		why: 'Serverless computing: "Lambda" the AWS service rather than the Greek letter or lambda calculus.',
		words: ['serverless', 'function', 'functions', 'fonction', 'fonctions', 'code', 'runtime', 'runtimes', 'trigger', 'triggers', 'deploy', 'deployer', 'aws', 'amazon', 'invocation', 'invocations', 'cold', 'container', 'conteneur', 'api', 'gateway', 'node', 'python'],
		phrases: ['cold start', 'api gateway'],
	},
	objectStorage: {
		why: 'Object storage: "S3" the AWS service.',
		words: ['bucket', 'buckets', 'object', 'objects', 'objet', 'objets', 'stockage', 'storage', 'aws', 'amazon', 'glacier', 'upload', 'uploads', 'tiering'],
	},
	s3Protocol: {
		why: '"S3-compatible": the storage protocol other providers implement, not AWS itself.',
		words: ['compatible', 'compatibles', 'compatibility', 'compatibilite', 'protocol', 'protocole', 'minio', 'ceph'],
		phrases: ['api s3', 's3 api', 's3 compatible', 'compatible s3'],
	},
	press: {
		why: 'OBS also names a magazine (L’Obs) and a streaming tool (OBS Studio).',
		words: ['magazine', 'hebdomadaire', 'journal', 'journaliste', 'redaction', 'studio', 'streaming', 'stream', 'twitch', 'obsproject', 'enregistrement', 'recording'],
		phrases: ['nouvel observateur', 'obs studio', 'l obs'],
	},
	water: {
		why: 'Droplets of water or oil rather than DigitalOcean’s virtual machines.',
		words: ['water', 'eau', 'oil', 'huile', 'rain', 'pluie', 'liquid', 'liquide', 'condensation', 'spray', 'dew', 'rosee', 'blood', 'sang', 'physics', 'physique', 'surface', 'tension'],
	},
	slang: {
		why: '"Akamai" is also the Hawaiian word for smart; slang passages use it that way.',
		words: ['hawaii', 'hawaiian', 'hawaien', 'pidgin', 'brah', 'smarts', 'wise', 'clever', 'malama', 'aloha', 'ohana'],
		phrases: ['street smarts', 'book smart'],
	},
} as const satisfies Record<string, CueSet>;

export type CueSetId = keyof typeof CUES;
