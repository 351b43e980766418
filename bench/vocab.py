"""Parallel Japanese/English vocabulary for the synthetic corpus: (ja, en) pairs.

Sentences are made from templates over these pairs, so each Japanese sentence has an
English counterpart at the same place and both pages cite the same sources there.
"""

from __future__ import annotations

NOUNS: tuple[tuple[str, str], ...] = (
    ("政府", "the government"), ("経済産業省", "the Ministry of Economy, Trade and Industry"),
    ("総務省", "the Ministry of Internal Affairs"), ("内閣府", "the Cabinet Office"),
    ("デジタル庁", "the Digital Agency"), ("経団連", "Keidanren"),
    ("国内の AI 開発", "domestic AI development"), ("生成 AI", "generative AI"),
    ("大規模言語モデル", "large language models"), ("計算資源", "computing resources"),
    ("データセンター", "data centres"), ("半導体", "semiconductors"),
    ("クラウド基盤", "cloud infrastructure"), ("経済安全保障", "economic security"),
    ("デジタル赤字", "the digital deficit"), ("サービス収支", "the services balance"),
    ("海外の大手 IT 企業", "large foreign IT companies"), ("スタートアップ", "start-ups"),
    ("研究開発投資", "R&D investment"), ("人材育成", "skills development"),
    ("日本語の学習データ", "Japanese training data"), ("補助金", "subsidies"),
    ("ポスト 5G 基金", "the post-5G fund"), ("著作権法", "the Copyright Act"),
    ("個人情報保護", "personal data protection"), ("国際競争力", "international competitiveness"),
    ("産業政策", "industrial policy"), ("中小企業", "small and medium-sized firms"),
    ("行政のデジタル化", "the digitalisation of government"), ("公共調達", "public procurement"),
    ("電力供給", "the power supply"), ("技術流出", "technology leakage"),
    ("利用者の信頼", "users' trust"), ("AI ガバナンス", "AI governance"),
    ("透明性", "transparency"), ("安全性評価", "safety evaluation"),
    ("地方自治体", "local governments"), ("大学", "universities"),
    ("研究機関", "research institutes"), ("労働市場", "the labour market"),
    ("生産性", "productivity"), ("設備投資", "capital investment"),
    ("輸入依存", "import dependence"), ("国内市場", "the domestic market"),
    ("オープンソースのモデル", "open-source models"), ("医療分野", "the medical sector"),
    ("製造業", "manufacturing"), ("金融機関", "financial institutions"),
)

VERBS: tuple[tuple[str, str], ...] = (
    ("強化する方針を示した", "set out a policy to strengthen"),
    ("支援している", "supports"), ("重視している", "emphasises"),
    ("見直す必要があると指摘した", "pointed to the need to review"),
    ("後押しすると表明した", "pledged to back"), ("課題として挙げた", "named as a challenge"),
    ("分析している", "analyses"), ("拡充すると発表した", "announced an expansion of"),
    ("促進する", "promotes"), ("懸念している", "is concerned about"),
    ("整備する計画を公表した", "published a plan to build up"),
    ("評価している", "assesses"), ("検討している", "is considering"),
)

CONNECTIVES: tuple[tuple[str, str], ...] = (
    ("また、", "Moreover, "), ("一方で、", "On the other hand, "), ("さらに、", "Further, "),
    ("このため、", "For this reason, "), ("具体的には、", "Specifically, "), ("", ""),
    ("レポートによれば、", "According to the report, "), ("その結果、", "As a result, "),
)

HEADINGS = {
    "points": ("要点", "Key points"),
    "summary": ("レポートの要旨", "What the report says"),
    "notes": ("注釈", "Annotations"),
    "note_title": ("注釈者による補足", "Annotator's remarks"),
    "related": ("関連", "Related"),
}

ORGS: tuple[tuple[str, str, str], ...] = (  # (slug, ja, en)
    ("meti", "経済産業省", "Ministry of Economy, Trade and Industry"),
    ("soumu", "総務省", "Ministry of Internal Affairs and Communications"),
    ("cao", "内閣府", "Cabinet Office, Government of Japan"),
    ("digital", "デジタル庁", "Digital Agency"),
    ("keidanren", "経団連", "Keidanren (Japan Business Federation)"),
    ("dir", "大和総研", "Daiwa Institute of Research"),
    ("nedo", "新エネルギー・産業技術総合開発機構", "NEDO"),
    ("ipa", "情報処理推進機構", "Information-technology Promotion Agency"),
    ("riken", "理化学研究所", "RIKEN"),
    ("aist", "産業技術総合研究所", "AIST"),
)

FAMILY = ("田邊", "神田", "岸川", "田村", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "山本",
          "中村", "小林", "加藤", "吉田", "山田")
FAMILY_EN = ("Tanabe", "Kanda", "Kishikawa", "Tamura", "Sato", "Suzuki", "Takahashi", "Ito",
             "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada")
GIVEN = ("美穂", "慶司", "和馬", "統久", "健", "直子", "翔", "陽子", "大輔", "由美")
GIVEN_EN = ("Miho", "Keiji", "Kazuma", "Norihisa", "Ken", "Naoko", "Sho", "Yoko", "Daisuke",
            "Yumi")

ENGLISH_ORGS = ("OpenAI", "Microsoft", "Google", "NVIDIA", "Amazon Web Services", "OECD")
