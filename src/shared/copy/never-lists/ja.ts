import type { NeverList } from './never-list';

/**
 * Japanese. Matched as substrings (Japanese has no spaces between words), so
 * entries are stems that catch every inflection: 頑張 finds 頑張って, 頑張ろう,
 * 頑張れ; べき finds すべき. Beyond the guide's list, the duty and effort words
 * Japanese self-help apps lean on (頑張って, ちゃんと, 我慢, 〜しましょう).
 */
export default {
  never: [
    // Duty and pressure: should, must, have to.
    'べき',
    'しなければ',
    'しなくては',
    'なければならない',
    'ねばならない',
    'しなきゃ',
    '必ず',
    'なさい',
    'しましょう',
    'ちゃんと',
    'きちんと',
    '頑張',
    'がんば',
    'ガンバ',
    '我慢',
    // Failure, missing, falling behind, streaks and counts that read as performance.
    '失敗',
    'ダメ',
    'だめ',
    '見逃',
    '逃した',
    '欠かさず',
    'サボっ',
    'サボり',
    '遅れている',
    '取り残',
    '連続',
    'ストリーク',
    'バッジ',
    'スコア',
    '点数',
    // Shame words: broken, weak, lazy, overreacting, spoiled.
    '壊れ',
    '弱い',
    '弱さ',
    '情けない',
    '怠け',
    '怠惰',
    'だらしな',
    '甘え',
    '大げさ',
    '過剰反応',
    '考えすぎ',
    '気にしすぎ',
    // Calm down.
    '落ち着いて',
    '落ち着きなさい',
    '落ち着こう',
    // Minimisers: just, simply, easy.
    'だけでいい',
    'だけで大丈夫',
    '簡単に',
    'かんたん',
    // Forced kindness or positivity, and false promises.
    '自分に優しく',
    '自分にやさしく',
    '自分を大切に',
    '自分を愛',
    '自分を好きに',
    '前向きに',
    'ポジティブ',
    'プラス思考',
    '元気を出',
    'きっと大丈夫',
    '必ず良くなる',
    // Eyes closed or breath held as the only way.
    '目を閉じ',
    '目をつぶ',
    '目をつむ',
    '息を止',
    '呼吸を止',
    // No clinical claims or diagnoses.
    '治る',
    '治す',
    '治癒',
    '癒',
    '診断',
    '障害',
    '症状',
    '治療',
    '病気',
    '疾患',
  ],
  allowed: [
    // Names the settled state ("落ち着いている", "落ち着いていたとき"): describes, never tells anyone to calm down.
    /落ち着いて(?:いる|いた)/gu,
    // A damaged file in the history ("壊れたファイル", "壊れているか途中で切れて"), not a person.
    /壊れ(?:たファイル|ているか途中で切れて)/gu,
    // The summary's footer says plainly that it is NOT one ("診断や評価ではありません").
    /診断や評価ではありません/gu,
  ],
} satisfies NeverList;
