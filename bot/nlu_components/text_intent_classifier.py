"""Intent classifier and retrieval-intent selector: TF-IDF n-grams, then logistic regressions.

Why not DIET and ResponseSelector: on this project's data (one model, seven languages, about
forty intents, short chat messages) a linear model over sublinear, length-normalised TF-IDF
scored a higher held-out intent macro-F1 and topic accuracy in every language, trains in
about a minute instead of twenty, and is far smaller. `make bench` prints the figures.

Two models are fitted on the same kind of features: one over the intents, and one over the
sub-intents of retrieval intents ("ask_topic/relationships"), trained on those examples
only. The second fills Rasa's `response_selector` output exactly as ResponseSelector would,
so the rules, the actions (bot.psychoeducation.questions) and `rasa test` read it unchanged.

The text is folded first (bot.text.fold: case, Latin accents, Arabic vowel marks), because
people type without accents and the model must not treat "esta" and "está" as strangers.
Character n-grams inside word boundaries carry typos, romanized scripts and word endings;
word unigrams and bigrams carry phrases ("go on", "no thanks").

The output has Rasa's shape (`intent`, `intent_ranking`, `response_selector`), so
FallbackClassifier and CrisisOverride that follow in the pipeline work unchanged.
"""

import logging
import pickle
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    RESPONSE_SELECTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.text import fold

logger = logging.getLogger(__name__)
MODEL_FILE = "text_intent_classifier.pkl"
RESPONSE_KEY_SEPARATOR = "/"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class TextIntentClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "char_ngram_range": [1, 4],
            "word_ngram_range": [1, 2],
            # Weak regularisation: the features are many and sparse, the classes well separated.
            "C": 50.0,
            "max_iter": 3000,
            "ranking_length": 10,
            "random_seed": 7,
        }

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage,
                 resource: Resource, trained: Optional[Dict[str, Any]] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        trained = trained or {}
        self._model = trained.get("intents")
        self._selector = trained.get("responses")  # None when the data has no retrieval intent
        self._responses = trained.get("response_texts", {})

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TextIntentClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TextIntentClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                trained = pickle.loads((directory / MODEL_FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            logger.warning("No trained intent classifier in the model; every intent will be empty.")
            trained = None
        return cls(config, model_storage, resource, trained)

    def _build_model(self, balanced: bool):
        # Imported here: scikit-learn is only needed when the model trains or loads.
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        def vectorizer(analyzer: str, ngram_range) -> TfidfVectorizer:
            return TfidfVectorizer(analyzer=analyzer, ngram_range=tuple(ngram_range),
                                   sublinear_tf=True, preprocessor=fold)

        features = make_union(vectorizer("char_wb", self._config["char_ngram_range"]),
                              vectorizer("word", self._config["word_ngram_range"]))
        classifier = LogisticRegression(C=self._config["C"], max_iter=self._config["max_iter"],
                                        class_weight="balanced" if balanced else None,
                                        random_state=self._config["random_seed"])
        return make_pipeline(features, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            logger.warning("Fewer than two intents to learn; the intent classifier is not trained.")
            return self._resource
        # Intents are balanced: ask_topic has ten times the examples of "thank".
        self._model = self._build_model(balanced=True)
        self._model.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])
        retrieval = [m for m in examples if m.get(INTENT_RESPONSE_KEY)]
        if len({m.get(INTENT_RESPONSE_KEY) for m in retrieval}) >= 2:
            self._selector = self._build_model(balanced=False)
            self._selector.fit([m.get(TEXT) for m in retrieval], [m.get(INTENT_RESPONSE_KEY) for m in retrieval])
            self._responses = {name: texts for name, texts in training_data.responses.items()
                               if RESPONSE_KEY_SEPARATOR in name}
        trained = {"intents": self._model, "responses": self._selector, "response_texts": self._responses}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(pickle.dumps(trained))
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if self._model is None or not isinstance(text, str) or not text.strip():
                message.set(INTENT, {INTENT_NAME_KEY: None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                continue
            ranking = [{INTENT_NAME_KEY: name, "confidence": score}
                       for name, score in self._ranked(self._model, text)]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            if self._selector is not None:
                self._select_response(message, text)
        return messages

    def _ranked(self, model: Any, text: str) -> List[tuple]:
        """(label, probability) pairs, most likely first, as many as `ranking_length`."""
        probabilities = model.predict_proba([text])[0]
        ranked = sorted(zip(model.classes_, probabilities), key=lambda pair: -pair[1])
        return [(str(name), float(score)) for name, score in ranked[: self._config["ranking_length"]]]

    def _select_response(self, message: Message, text: str) -> None:
        """Set `response_selector` in ResponseSelector's shape, for each retrieval intent."""
        ranked = self._ranked(self._selector, text)
        output = {"all_retrieval_intents": sorted({key.split(RESPONSE_KEY_SEPARATOR)[0] for key in self._selector.classes_})}
        for retrieval_intent in output["all_retrieval_intents"]:
            own = [(key, score) for key, score in ranked if key.startswith(retrieval_intent + RESPONSE_KEY_SEPARATOR)]
            if not own:
                continue
            key, score = own[0]
            utter_action = f"utter_{key}"
            output[retrieval_intent] = {
                "response": {
                    "responses": self._responses.get(utter_action, [{TEXT: key}]),
                    "confidence": score,
                    INTENT_RESPONSE_KEY: key,
                    "utter_action": utter_action,
                },
                "ranking": [{"confidence": s, INTENT_RESPONSE_KEY: k} for k, s in own],
            }
        message.set(RESPONSE_SELECTOR, output, add_to_output=True)
